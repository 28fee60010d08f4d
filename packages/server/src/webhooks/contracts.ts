import { z } from 'zod';
import { isEventPattern, WEBHOOK_EVENTS } from '@linia/engine';

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000);

const eventPattern = z
  .string()
  .refine(isEventPattern, { error: `not an event name; known: ${WEBHOOK_EVENTS.join(', ')} (or family.*)` });

const events = z.array(eventPattern).min(1).max(20);

export const webhookCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: webhookUrl,
  events,
  active: z.boolean().default(true),
});

export const webhookPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  url: webhookUrl.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});

export const webhookOut = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  /** Deliveries still to be tried and given up, so a broken receiver shows in the list. */
  pending: z.number().int(),
  failed: z.number().int(),
});

/** The secret is in the reply only when it was just made (create, rotate). */
export const webhookWithSecret = webhookOut.extend({ signingSecret: z.string() });

export const deliveryOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

export const deliveriesQuery = z.object({ status: z.enum(['pending', 'delivered', 'failed']).optional() });

export const deliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });
