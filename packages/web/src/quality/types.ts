import type { QualityAnswer, QualityAutoRule, QualityErrorCounts, QualitySection, QualityWeighting } from '@linia/engine';

// Shapes of the quality API (packages/server/src/quality/contracts.ts) as the screens use them.

export interface ScorecardVersion {
  id: string;
  scorecardId: string;
  version: number;
  status: 'draft' | 'published';
  title: string;
  weighting: QualityWeighting;
  sections: QualitySection[];
  autoRules: QualityAutoRule[];
  createdAt: string;
  publishedAt: string | null;
}

export interface Scorecard {
  id: string;
  hotlineId: string | null;
  title: string;
  latestVersion: number;
  publishedVersion: number | null;
  createdAt: string;
}

export interface ScorecardDetail extends Scorecard {
  latest: ScorecardVersion;
  versions: { id: string; version: number; status: 'draft' | 'published'; createdAt: string; publishedAt: string | null }[];
}

export type EvaluationStatus = 'assigned' | 'draft' | 'submitted' | 'acknowledged' | 'disputed' | 'resolved';

export interface EvaluationNote {
  offsetSeconds: number | null;
  text: string;
  authorId?: string;
  at?: string;
}

export interface Evaluation {
  id: string;
  contactId: string;
  scorecardId: string;
  scorecardTitle: string;
  version: number;
  planId: string | null;
  hotlineId: string;
  agentId: string | null;
  agentName: string | null;
  groupId: string | null;
  evaluatorId: string | null;
  evaluatorName: string | null;
  status: EvaluationStatus;
  dueAt: string | null;
  contactAt: string;
  channel: string;
  subject: string | null;
  answers: Record<string, QualityAnswer>;
  comments: Record<string, string>;
  notes: EvaluationNote[];
  recordingRef: string | null;
  feedback: string | null;
  score: number | null;
  errors: QualityErrorCounts | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  createdAt: string;
}

export interface Dispute {
  id: string;
  evaluationId: string;
  criterionId: string;
  comment: string;
  status: 'open' | 'accepted' | 'rejected';
  authorId: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  agentName?: string | null;
  score?: number | null;
}

export interface Suggestion {
  criterionId: string;
  rule: string;
  passed: boolean | null;
  value?: QualityAnswer;
  evidence: { messageIndex: number; text: string }[];
  seconds?: number;
  missingFields?: string[];
}

export interface Workspace {
  evaluation: Evaluation;
  scorecard: ScorecardVersion;
  contact: {
    id: string;
    channel: string;
    subject: string | null;
    status: string;
    hotlineName: string;
    topicId: string | null;
    outcome: string | null;
    customFields: Record<string, unknown>;
    notes: string | null;
    createdAt: string;
    answeredAt: string | null;
    endedAt: string | null;
    customerName: string | null;
  };
  messages: { author: string; authorName: string | null; body: string; createdAt: string }[];
  auto: { suggestions: Suggestion[]; score: number | null };
  result: { score: number | null; rawScore: number | null; sections: { sectionId: string; score: number | null; zeroed: boolean }[]; errors: QualityErrorCounts } | null;
  disputes: Dispute[];
  history: { id: string; actorId: string | null; actorName: string | null; action: string; reason: string | null; details: Record<string, unknown> | null; createdAt: string }[];
}

export interface Plan {
  id: string;
  name: string;
  scorecardId: string;
  hotlineId: string | null;
  groupId: string | null;
  perAgent: number;
  period: 'week' | 'month';
  strata: string[];
  allocation: 'proportional' | 'equal';
  seed: number;
  specialistIds: string[];
  capacityPerDay: number;
  lastRunAt: string | null;
  createdAt: string;
}

export interface Group {
  id: string;
  name: string;
  leadId: string | null;
  memberIds: string[];
}

export interface Calibration {
  id: string;
  title: string;
  contactId: string;
  versionId: string;
  leadId: string | null;
  evaluatorIds: string[];
  status: 'open' | 'revealed';
  createdAt: string;
  revealedAt: string | null;
  submitted: string[];
  myAnswers: Record<string, QualityAnswer> | null;
}

export interface CalibrationDetail extends Calibration {
  scorecard: ScorecardVersion;
  result: {
    referenceScore: number | null;
    reference: Record<string, QualityAnswer>;
    kappa: number | null;
    criteria: { criterionId: string; agreeShare: number; pairAgreement: number | null; distribution: Record<string, number> }[];
    evaluators: { evaluatorId: string; name: string; score: number | null; deviation: number | null; mismatches: string[]; answers: Record<string, QualityAnswer> }[];
  } | null;
}

/** A score as the screens show it: 0.8125 → «81,3 %». */
export function percent(score: number | null | undefined, digits = 1): string {
  if (score === null || score === undefined) return '—';
  return `${(score * 100).toFixed(digits)} %`;
}

export const qualityKeys = {
  all: ['quality'] as const,
  scorecards: ['quality', 'scorecards'] as const,
  evaluations: ['quality', 'evaluations'] as const,
  plans: ['quality', 'plans'] as const,
  groups: ['quality', 'groups'] as const,
  disputes: ['quality', 'disputes'] as const,
  calibrations: ['quality', 'calibrations'] as const,
  reports: ['quality', 'reports'] as const,
};
