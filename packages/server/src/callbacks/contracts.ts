import { ATTEMPT_OUTCOMES, CALLBACK_STATUSES } from '@linia/engine';
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

/**
 * A callback from a contact (phone and customer taken from it unless given), or by hand with
 * a hotline and a phone.
 */
export const callbackCreate = z
  .strictObject({
    contactId: z.uuid().optional(),
    hotlineId: z.uuid().optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    customerId: z.uuid().optional(),
    reason: z.string().trim().max(2000).optional(),
    /** Default: now (a missed call is called back as soon as possible). */
    dueAt: instant.optional(),
    assigneeId: z.uuid().nullish(),
  })
  .refine((b) => b.contactId || b.hotlineId, { path: ['hotlineId'], message: 'give the contact it comes from, or a hotline' });

export const callbackPatch = z.strictObject({
  dueAt: instant.optional(),
  assigneeId: z.uuid().nullish(),
  reason: z.string().trim().max(2000).nullish(),
  /** Only cancelling by hand; done and failed come from attempts. */
  status: z.literal('cancelled').optional(),
});

export const attemptCreate = z.strictObject({
  outcome: z.enum(ATTEMPT_OUTCOMES),
  notes: z.string().trim().max(5000).optional(),
  /** When to try again after an unanswered call (default: the policy's pause). */
  retryAt: instant.optional(),
});

export const callbackOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid(),
  contactId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  phone: z.string(),
  reason: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(CALLBACK_STATUSES),
  attempts: z.number().int(),
  lastOutcome: z.enum(ATTEMPT_OUTCOMES).nullable(),
  resultContactId: z.uuid().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

export const attemptOut = z.object({
  id: z.uuid(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  notes: z.string().nullable(),
  agentId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  createdAt: z.string(),
});

export const callbackQuery = z.object({
  status: z.enum(CALLBACK_STATUSES).optional(),
  /** `me`: the caller's own tasks; `none`: nobody's yet. */
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  hotlineId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
