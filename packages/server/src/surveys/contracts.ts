import { z } from 'zod';

export const settingsIn = z.object({
  hotlineId: z.uuid(),
  kind: z.enum(['csat', 'nps']),
  question: z.string().trim().min(1).max(500),
  allowComment: z.boolean().default(true),
  expiryHours: z.number().int().min(1).max(24 * 90).default(72),
  lowScoreAtOrBelow: z.number().int().min(0).max(10).nullable().optional(),
  active: z.boolean().default(true),
});
export const settingsOut = settingsIn.required().extend({ id: z.uuid(), lowScoreAtOrBelow: z.number().nullable() });

export const surveyCreate = z.object({ contactId: z.uuid() });
export const surveyCreated = z.object({ id: z.uuid(), token: z.string(), url: z.string(), expiresAt: z.string() });

export const tokenParams = z.object({ token: z.string().min(20).max(100) });
export const publicSurvey = z.object({
  kind: z.enum(['csat', 'nps']),
  question: z.string(),
  allowComment: z.boolean(),
  hotlineName: z.string(),
  status: z.enum(['open', 'answered', 'expired']),
});
export const publicAnswer = z.object({ score: z.number().int(), comment: z.string().trim().max(2000).optional() });

export const reportQuery = z.object({
  by: z.enum(['agentId', 'hotlineId', 'topicId']).default('agentId'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const csat = z.object({ responses: z.number(), satisfied: z.number(), csat: z.number().nullable() });
const nps = z.object({ responses: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number(), nps: z.number().nullable() });
export const reportOut = z.object({ rows: z.array(z.object({ key: z.string(), name: z.string(), csat, nps })), total: z.object({ csat, nps }) });

export const followUpOut = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  leadId: z.uuid().nullable(),
  reason: z.string(),
  dueAt: z.string(),
  status: z.enum(['open', 'done']),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  subject: z.string().nullable(),
  agentName: z.string().nullable(),
  note: z.string().nullable(),
});
export const followUpDone = z.object({ note: z.string().trim().max(2000).optional() });
