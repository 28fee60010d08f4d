/** Shapes of the cases API (server: packages/server/src/cases/contracts.ts). */
export const CASE_TYPES = ['information', 'order', 'support', 'complaint', 'incident', 'service_request'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export type Priority = 'critical' | 'high' | 'medium' | 'low';

export interface SlaClock {
  targetMinutes: number;
  dueAt: string | null;
  warnAt: string | null;
  elapsedMs: number;
  remainingMs: number;
  fraction: number;
  paused: boolean;
  state: 'ok' | 'warning' | 'breached' | 'met';
}

export interface Case {
  id: string;
  number: number;
  type: CaseType;
  status: CaseStatus;
  hotlineId: string;
  clientId: string;
  customerId: string | null;
  contactIds: string[];
  subject: string;
  description: string;
  impact: Level;
  urgency: Level;
  priority: Priority;
  groupId: string | null;
  assigneeId: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  escalationLevel: number;
  problemId: string | null;
  departmentId: string | null;
  decisionDueAt: string | null;
  decision: string | null;
  decisionAt: string | null;
  answer: string | null;
  answerChannel: string | null;
  answerSentAt: string | null;
  sla: { response: SlaClock | null; resolution: SlaClock | null };
  allowedStatuses: CaseStatus[];
}

export interface CaseEvent {
  id: string;
  caseId: string;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface ResolverGroup {
  id: string;
  name: string;
  kind: 'line' | 'department';
  level: number;
  escalateToId: string | null;
  hotlineId: string | null;
  createdAt: string;
}

export interface Member {
  userId: string;
  name: string;
  role: string;
}

export interface Problem {
  id: string;
  title: string;
  description: string;
  status: 'open' | 'resolved';
  hotlineId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface OutageNotice {
  id: string;
  problemId: string | null;
  hotlineId: string | null;
  kind: 'suspension' | 'resumption';
  subject: string;
  body: string;
  recipients: number;
  createdAt: string;
}

/** Timeline entries the customer card gets besides contacts. */
export type CaseTimelineEntry =
  | { kind: 'case'; at: string; case: Pick<Case, 'id' | 'number' | 'type' | 'status' | 'priority' | 'subject' | 'hotlineId' | 'resolvedAt'> }
  | { kind: 'notice'; at: string; notice: { id: string; kind: string; subject: string; body: string; channel: string; address: string | null; status: string } };
