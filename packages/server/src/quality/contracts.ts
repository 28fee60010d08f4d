import { QUALITY_ERROR_CLASSES, QUALITY_FAIL_EFFECTS, QUALITY_STRATA } from '@linia/engine';
import { z } from 'zod';

// Request and response shapes of the quality module. The scorecard's structure is checked here
// (types); its rules (weights summing to 100, options, thresholds) by the engine's
// validateQualityScorecard, whose paths are reported as `body.<path>`.

const scale = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNo') }),
  z.object({ kind: z.literal('points3') }),
  z.object({ kind: z.literal('points4') }),
  z.object({ kind: z.literal('points5') }),
  z.object({ kind: z.literal('custom'), options: z.array(z.object({ value: z.number(), label: z.string().max(100) })).max(20) }),
]);

export const criterion = z.object({
  id: z.string().max(60),
  title: z.string().max(300),
  weight: z.number(),
  scale,
  allowNa: z.boolean(),
  errorClass: z.enum(QUALITY_ERROR_CLASSES),
  fail: z.enum(QUALITY_FAIL_EFFECTS),
  failAtOrBelow: z.number().optional(),
});

export const section = z.object({ id: z.string().max(60), title: z.string().max(300), weight: z.number(), criteria: z.array(criterion).max(100) });

const ruleBase = { criterionId: z.string().max(60), weight: z.number().optional() };
export const autoRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('greeting'), phrases: z.array(z.string().max(200)).max(200), ...ruleBase }),
  z.object({ kind: z.literal('forbiddenPhrases'), phrases: z.array(z.string().max(200)).max(1000), ...ruleBase }),
  z.object({ kind: z.literal('firstResponseTime'), maxSeconds: z.number(), ...ruleBase }),
  z.object({ kind: z.literal('averageResponseTime'), maxSeconds: z.number(), ...ruleBase }),
  z.object({ kind: z.literal('scriptFields'), requiredFields: z.array(z.string().max(100)).max(100), ...ruleBase }),
]);

/** The editable content of a scorecard version. */
export const scorecardContent = z.object({
  title: z.string().trim().min(1).max(200),
  weighting: z.enum(['relative', 'percent']).default('relative'),
  sections: z.array(section).max(30),
  autoRules: z.array(autoRule).max(50).default([]),
});

export const scorecardCreate = scorecardContent.extend({ hotlineId: z.uuid().nullable().optional() });

export const versionOut = z.object({
  id: z.uuid(),
  scorecardId: z.uuid(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  weighting: z.enum(['relative', 'percent']),
  sections: z.array(section),
  autoRules: z.array(autoRule),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const scorecardOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid().nullable(),
  title: z.string(),
  latestVersion: z.number(),
  publishedVersion: z.number().nullable(),
  createdAt: z.string(),
});

export const scorecardDetail = scorecardOut.extend({ latest: versionOut, versions: z.array(versionOut.pick({ id: true, version: true, status: true, createdAt: true, publishedAt: true })) });

export const groupOut = z.object({ id: z.uuid(), name: z.string(), leadId: z.uuid().nullable(), memberIds: z.array(z.uuid()), createdAt: z.string() });
export const groupCreate = z.object({ name: z.string().trim().min(1).max(200), leadId: z.uuid().nullable().optional(), memberIds: z.array(z.uuid()).max(1000).default([]) });
export const groupPatch = groupCreate.partial();

export const planCreate = z.object({
  name: z.string().trim().min(1).max(200),
  scorecardId: z.uuid(),
  hotlineId: z.uuid().nullable().optional(),
  groupId: z.uuid().nullable().optional(),
  perAgent: z.number().int().min(1).max(500),
  period: z.enum(['week', 'month']).default('week'),
  strata: z.array(z.enum(QUALITY_STRATA)).max(5).default([]),
  allocation: z.enum(['proportional', 'equal']).default('proportional'),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  specialistIds: z.array(z.uuid()).min(1).max(200),
  capacityPerDay: z.number().int().min(1).max(1000).default(10),
});
export const planPatch = planCreate.partial();
export const planOut = planCreate.required().extend({
  id: z.uuid(),
  hotlineId: z.uuid().nullable(),
  groupId: z.uuid().nullable(),
  seed: z.number(),
  lastRunAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The period a plan run samples: contacts that ended in [from, to). Default: the plan's previous full period. */
export const planRun = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
export const planRunOut = z.object({
  from: z.string(),
  to: z.string(),
  created: z.number(),
  unassigned: z.number(),
  load: z.array(z.object({ specialistId: z.uuid(), open: z.number(), assigned: z.number(), daysOfWork: z.number() })),
});

const answer = z.union([z.number(), z.literal('na')]);
const errorCounts = z.object({ customer: z.number(), business: z.number(), compliance: z.number(), nonCritical: z.number() });
const statuses = ['assigned', 'draft', 'submitted', 'acknowledged', 'disputed', 'resolved'] as const;

export const evaluationOut = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  versionId: z.uuid(),
  scorecardId: z.uuid(),
  scorecardTitle: z.string(),
  version: z.number(),
  planId: z.uuid().nullable(),
  hotlineId: z.uuid(),
  agentId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  groupId: z.uuid().nullable(),
  evaluatorId: z.uuid().nullable(),
  evaluatorName: z.string().nullable(),
  status: z.enum(statuses),
  dueAt: z.string().nullable(),
  contactAt: z.string(),
  channel: z.string(),
  subject: z.string().nullable(),
  answers: z.record(z.string(), answer),
  comments: z.record(z.string(), z.string()),
  notes: z.array(z.object({ offsetSeconds: z.number().nullable(), text: z.string(), authorId: z.string(), at: z.string() })),
  recordingRef: z.string().nullable(),
  feedback: z.string().nullable(),
  score: z.number().nullable(),
  errors: errorCounts.nullable(),
  submittedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const evaluationQuery = z.object({
  status: z.enum(statuses).optional(),
  evaluatorId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  /** Only my assignments (evaluator = caller). */
  mine: z.stringbool().optional(),
});

export const disputeOut = z.object({
  id: z.uuid(),
  evaluationId: z.uuid(),
  criterionId: z.string(),
  comment: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  authorId: z.uuid().nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.uuid().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const historyOut = z.object({ id: z.uuid(), actorId: z.uuid().nullable(), actorName: z.string().nullable(), action: z.string(), reason: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable(), createdAt: z.string() });

const suggestion = z.object({
  criterionId: z.string(),
  rule: z.string(),
  passed: z.boolean().nullable(),
  value: answer.optional(),
  evidence: z.array(z.object({ messageIndex: z.number(), text: z.string() })),
  seconds: z.number().optional(),
  missingFields: z.array(z.string()).optional(),
});

/** Everything the evaluation workspace shows. */
export const workspaceOut = z.object({
  evaluation: evaluationOut,
  scorecard: versionOut,
  contact: z.object({
    id: z.uuid(),
    channel: z.string(),
    subject: z.string().nullable(),
    status: z.string(),
    hotlineName: z.string(),
    topicId: z.string().nullable(),
    outcome: z.string().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    notes: z.string().nullable(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    customerName: z.string().nullable(),
  }),
  messages: z.array(z.object({ author: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.string() })),
  auto: z.object({ suggestions: z.array(suggestion), score: z.number().nullable() }),
  result: z.object({ score: z.number().nullable(), rawScore: z.number().nullable(), sections: z.array(z.object({ sectionId: z.string(), score: z.number().nullable(), zeroed: z.boolean() })), errors: errorCounts }).nullable(),
  disputes: z.array(disputeOut),
  history: z.array(historyOut),
});

export const evaluationSave = z.object({
  answers: z.record(z.string(), answer).optional(),
  comments: z.record(z.string(), z.string().max(4000)).optional(),
  notes: z.array(z.object({ offsetSeconds: z.number().min(0).nullable(), text: z.string().trim().min(1).max(4000) })).max(200).optional(),
  recordingRef: z.string().max(1000).nullable().optional(),
  feedback: z.string().max(8000).nullable().optional(),
});

export const feedbackBody = z.object({ feedback: z.string().trim().min(1).max(8000) });
export const disputeCreate = z.object({ criterionId: z.string().min(1).max(60), comment: z.string().trim().min(1).max(4000) });
export const disputeResolve = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().min(1).max(4000),
  /** With accept: the criterion's new answer. */
  value: answer.optional(),
});

export const reportQuery = z.object({
  by: z.enum(['agent', 'group']).default('agent'),
  period: z.enum(['week', 'month']).default('week'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  hotlineId: z.uuid().optional(),
  scorecardId: z.uuid().optional(),
});

export const scoresOut = z.object({
  timeZone: z.string(),
  rows: z.array(z.object({ key: z.string(), name: z.string(), period: z.string(), evaluations: z.number(), score: z.number().nullable(), errors: errorCounts })),
  series: z.array(z.object({ key: z.string(), name: z.string(), points: z.array(z.object({ period: z.string(), score: z.number().nullable(), evaluations: z.number() })) })),
});

export const errorsOut = z.object({
  criteria: z.array(z.object({ criterionId: z.string(), title: z.string(), errorClass: z.enum(QUALITY_ERROR_CLASSES), evaluated: z.number(), failed: z.number(), rate: z.number().nullable() })),
  byClass: errorCounts,
});

export const calibrationCreate = z.object({
  title: z.string().trim().min(1).max(200),
  contactId: z.uuid(),
  scorecardId: z.uuid(),
  evaluatorIds: z.array(z.uuid()).min(2).max(50),
});
export const calibrationScore = z.object({ answers: z.record(z.string(), answer) });
export const calibrationReveal = z.object({ reference: z.record(z.string(), answer).optional() });

export const calibrationOut = z.object({
  id: z.uuid(),
  title: z.string(),
  contactId: z.uuid(),
  versionId: z.uuid(),
  leadId: z.uuid().nullable(),
  evaluatorIds: z.array(z.uuid()),
  status: z.enum(['open', 'revealed']),
  createdAt: z.string(),
  revealedAt: z.string().nullable(),
  /** Evaluators who have scored (names only before the reveal: the session is blind). */
  submitted: z.array(z.uuid()),
  /** The caller's own answers, if any. */
  myAnswers: z.record(z.string(), answer).nullable(),
});

export const calibrationDetail = calibrationOut.extend({
  scorecard: versionOut,
  /** After the reveal: everyone's answers, the reference and the engine's comparison. */
  result: z
    .object({
      referenceScore: z.number().nullable(),
      reference: z.record(z.string(), answer),
      kappa: z.number().nullable(),
      criteria: z.array(z.object({ criterionId: z.string(), agreeShare: z.number(), pairAgreement: z.number().nullable(), distribution: z.record(z.string(), z.number()) })),
      evaluators: z.array(z.object({ evaluatorId: z.string(), name: z.string(), score: z.number().nullable(), deviation: z.number().nullable(), mismatches: z.array(z.string()), answers: z.record(z.string(), answer) })),
    })
    .nullable(),
});

export const evaluatorSummaryOut = z.object({
  items: z.array(z.object({ evaluatorId: z.string(), name: z.string(), sessions: z.number(), meanAbsoluteDeviation: z.number().nullable(), bias: z.number().nullable(), criterionAgreement: z.number() })),
});

export const autoScoreQuery = z.object({
  scorecardId: z.uuid(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const autoScoreOut = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(z.object({
    agentId: z.string(),
    name: z.string(),
    contacts: z.number(),
    score: z.number().nullable(),
    rules: z.array(z.object({ rule: z.string(), applicable: z.number(), passed: z.number() })),
  })),
});
