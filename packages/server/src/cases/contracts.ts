import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, IMPACTS, PRIORITIES, URGENCIES } from '@linia/engine';

/** Request and response shapes of cases, resolver groups, SLA policies, problems and outage notices. */
export const caseType = z.enum(CASE_TYPES);
export const caseStatus = z.enum(CASE_STATUSES);
export const priority = z.enum(PRIORITIES);

const clockOut = z.object({
  targetMinutes: z.number(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  elapsedMs: z.number(),
  remainingMs: z.number(),
  fraction: z.number(),
  paused: z.boolean(),
  state: z.enum(['ok', 'warning', 'breached', 'met']),
});

export const caseOut = z.object({
  id: z.uuid(),
  number: z.number(),
  type: caseType,
  status: caseStatus,
  hotlineId: z.uuid(),
  clientId: z.uuid(),
  customerId: z.uuid().nullable(),
  contactIds: z.array(z.uuid()),
  subject: z.string(),
  description: z.string(),
  impact: z.enum(IMPACTS),
  urgency: z.enum(URGENCIES),
  priority,
  groupId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalationLevel: z.number(),
  problemId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  decisionDueAt: z.string().nullable(),
  decision: z.string().nullable(),
  decisionAt: z.string().nullable(),
  answer: z.string().nullable(),
  answerChannel: z.string().nullable(),
  answerSentAt: z.string().nullable(),
  sla: z.object({ response: clockOut.nullable(), resolution: clockOut.nullable() }),
  /** Statuses the case may move to now (conditions included). */
  allowedStatuses: z.array(caseStatus),
});

export const caseCreate = z.strictObject({
  type: caseType,
  hotlineId: z.uuid(),
  customerId: z.uuid().nullish(),
  contactIds: z.array(z.uuid()).max(50).default([]),
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  impact: z.enum(IMPACTS).default('medium'),
  urgency: z.enum(URGENCIES).default('medium'),
  groupId: z.uuid().nullish(),
  assigneeId: z.uuid().nullish(),
  /** A complaint's responsible department. */
  departmentId: z.uuid().nullish(),
});

export const casePatch = z.strictObject({
  subject: caseCreate.shape.subject.optional(),
  description: z.string().max(20_000).optional(),
  impact: z.enum(IMPACTS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  customerId: z.uuid().nullish(),
  departmentId: z.uuid().nullish(),
});

export const caseQuery = z.object({
  /** Assigned to me. */
  mine: z.enum(['true', 'false']).optional(),
  /** In a group: its id, or "mine" for the groups I belong to. */
  group: z.union([z.literal('mine'), z.uuid()]).optional(),
  /** Open cases whose resolution (or response) is past due. */
  overdue: z.enum(['true', 'false']).optional(),
  type: caseType.optional(),
  status: caseStatus.optional(),
  open: z.enum(['true', 'false']).optional(),
  customerId: z.uuid().optional(),
  hotlineId: z.uuid().optional(),
  problemId: z.uuid().optional(),
});

export const statusBody = z.strictObject({ status: caseStatus, comment: z.string().trim().max(5000).optional() });
export const commentBody = z.strictObject({ text: z.string().trim().min(1).max(20_000) });
export const assignBody = z.strictObject({ groupId: z.uuid().nullish(), assigneeId: z.uuid().nullish() });
export const escalateBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  /** Where to; by default the current group's escalation target. */
  groupId: z.uuid().optional(),
});
export const decisionBody = z.strictObject({ decision: z.string().trim().min(1).max(20_000), departmentId: z.uuid().optional() });
export const answerBody = z.strictObject({
  answer: z.string().trim().min(1).max(20_000),
  channel: z.enum(['email', 'letter', 'phone', 'sms', 'messenger', 'walkin']),
});
export const linkContactBody = z.strictObject({ contactId: z.uuid() });

export const caseEventOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

// Resolver groups
export const groupOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['line', 'department']),
  level: z.number(),
  escalateToId: z.uuid().nullable(),
  hotlineId: z.uuid().nullable(),
  createdAt: z.string(),
});
export const groupCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['line', 'department']).default('line'),
  level: z.number().int().min(1).max(9).default(1),
  escalateToId: z.uuid().nullish(),
  hotlineId: z.uuid().nullish(),
});
export const groupPatch = z.strictObject({
  name: groupCreate.shape.name.optional(),
  kind: z.enum(['line', 'department']).optional(),
  level: z.number().int().min(1).max(9).optional(),
  escalateToId: z.uuid().nullish(),
  hotlineId: z.uuid().nullish(),
});
export const membersBody = z.strictObject({ userIds: z.array(z.uuid()).max(500) });
export const membersOut = z.object({ items: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.string() })) });

// SLA policies
export const slaOut = z.object({
  id: z.uuid(),
  name: z.string(),
  hotlineId: z.uuid().nullable(),
  caseType: caseType.nullable(),
  priority: priority.nullable(),
  responseMinutes: z.number(),
  resolutionMinutes: z.number(),
  calendarId: z.uuid().nullable(),
  warnPercent: z.number(),
  createdAt: z.string(),
});
export const slaCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  hotlineId: z.uuid().nullish(),
  caseType: caseType.nullish(),
  priority: priority.nullish(),
  responseMinutes: z.number().int().min(1).max(525_600),
  resolutionMinutes: z.number().int().min(1).max(525_600),
  calendarId: z.uuid().nullish(),
  warnPercent: z.number().int().min(1).max(99).default(80),
});
export const slaPatch = z.strictObject({
  name: slaCreate.shape.name.optional(),
  hotlineId: z.uuid().nullish(),
  caseType: caseType.nullish(),
  priority: priority.nullish(),
  responseMinutes: slaCreate.shape.responseMinutes.optional(),
  resolutionMinutes: slaCreate.shape.resolutionMinutes.optional(),
  calendarId: z.uuid().nullish(),
  warnPercent: z.number().int().min(1).max(99).optional(),
});

// Problems and outage notices
export const problemOut = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['open', 'resolved']),
  hotlineId: z.uuid().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const problemCreate = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  hotlineId: z.uuid().nullish(),
});
export const problemPatch = z.strictObject({
  title: problemCreate.shape.title.optional(),
  description: z.string().max(20_000).optional(),
  status: z.enum(['open', 'resolved']).optional(),
});
export const linkIncidentBody = z.strictObject({ caseId: z.uuid() });

export const noticeOut = z.object({
  id: z.uuid(),
  problemId: z.uuid().nullable(),
  hotlineId: z.uuid().nullable(),
  kind: z.enum(['suspension', 'resumption']),
  subject: z.string(),
  body: z.string(),
  recipients: z.number(),
  createdAt: z.string(),
});
const noticeFields = {
  kind: z.enum(['suspension', 'resumption']),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
};
/** From a problem: the customers of its incidents. */
export const problemNoticeBody = z.strictObject(noticeFields);
/** A planned maintenance: the customers named, or everyone who contacted the hotline. */
export const maintenanceNoticeBody = z.strictObject({
  ...noticeFields,
  hotlineId: z.uuid(),
  customerIds: z.array(z.uuid()).max(10_000).optional(),
});
