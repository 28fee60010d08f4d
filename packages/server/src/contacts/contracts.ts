import { z } from 'zod';
import { CONTACT_CHANNELS, CRITICALITIES } from '@linia/engine';
import { identifier } from '../customers/contracts.ts';

/** Request and response shapes of the contact journal. */
const instant = z.iso.datetime({ offset: true });
const customValue = z.union([z.string().max(2000), z.number(), z.array(z.string().max(200)).max(100)]);

export const contactOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid(),
  clientId: z.uuid(),
  queueId: z.uuid().nullable(),
  channel: z.enum(CONTACT_CHANNELS),
  status: z.enum(['open', 'closed']),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  agentId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  agentIds: z.array(z.uuid()),
  subject: z.string().nullable(),
  topicId: z.string().nullable(),
  criticality: z.enum(CRITICALITIES),
  customFields: z.record(z.string(), customValue),
  outcome: z.string().nullable(),
  fcr: z.boolean().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  queuedAt: z.string().nullable(),
  offeredAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  wrapUpEndedAt: z.string().nullable(),
  /** Set when the customer gave up before being answered: a missed contact. */
  abandonedAt: z.string().nullable(),
});

/** Who the contact is from: a known card, or identifiers to find (or create) one by. */
export const customerRef = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().max(300).optional(),
  identifiers: z.array(identifier).max(10).default([]),
});

const editable = {
  topicId: z.string().min(1).max(64).nullish(),
  criticality: z.enum(CRITICALITIES).optional(),
  customFields: z.record(z.string(), customValue).optional(),
  outcome: z.string().trim().min(1).max(100).nullish(),
  fcr: z.boolean().nullish(),
  notes: z.string().max(20_000).nullish(),
  subject: z.string().trim().max(500).nullish(),
  agentId: z.uuid().nullish(),
  queuedAt: instant.nullish(),
  offeredAt: instant.nullish(),
  answeredAt: instant.nullish(),
  endedAt: instant.nullish(),
  wrapUpEndedAt: instant.nullish(),
  /** A missed contact: e.g. the PBX reports a call that hung up in the IVR or the queue. */
  abandonedAt: instant.nullish(),
};

export const contactCreate = z.strictObject({
  hotlineId: z.uuid(),
  channel: z.enum(CONTACT_CHANNELS),
  queueId: z.uuid().nullish(),
  customer: customerRef.optional(),
  /** When it happened, if registered later (a letter that came yesterday); default now. */
  createdAt: instant.optional(),
  /** `closed` registers a finished contact (a letter already answered, a walk-in served). */
  status: z.enum(['open', 'closed']).default('open'),
  messages: z.array(z.strictObject({ author: z.enum(['customer', 'agent', 'system']), body: z.string().min(1).max(20_000) })).max(200).default([]),
  ...editable,
});

export const contactPatch = z.strictObject({ ...editable, customerId: z.uuid().nullish() });

export const contactClose = z.strictObject({
  outcome: editable.outcome,
  fcr: editable.fcr,
  topicId: editable.topicId,
  customFields: editable.customFields,
  notes: editable.notes,
  endedAt: instant.optional(),
  wrapUpEndedAt: instant.optional(),
});

export const journalQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  channel: z.enum(CONTACT_CHANNELS).optional(),
  hotlineId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  topicId: z.string().max(64).optional(),
  outcome: z.string().max(100).optional(),
  customerId: z.uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** Only missed contacts (the customer gave up before an answer). */
  missed: z.enum(['true', 'false']).optional(),
  /** Full-text search in subject, notes and the transcript, Russian morphology. */
  q: z.string().trim().max(200).optional(),
});

export const messageOut = z.object({
  id: z.uuid(),
  author: z.enum(['customer', 'agent', 'system']),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

/** A message, or "insert the answer of this article into the reply". */
export const messageCreate = z.union([
  z.strictObject({ author: z.enum(['customer', 'agent', 'system']).default('agent'), body: z.string().min(1).max(20_000) }),
  z.strictObject({ articleId: z.uuid() }),
]);

export const attachmentOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const attachmentQuery = z.object({ fileName: z.string().trim().min(1).max(255) });
