import { z } from 'zod';
import { IDENTIFIER_KINDS } from './schema.ts';

/** Request and response shapes of customer cards. */
export const identifier = z.strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().trim().min(1).max(200) });

export const consent = z.strictObject({
  kind: z.enum(['personal_data', 'marketing', 'call_recording']),
  granted: z.boolean(),
  at: z.iso.datetime({ offset: true }),
});

export const customerOut = z.object({
  id: z.uuid(),
  name: z.string(),
  organization: z.string().nullable(),
  notes: z.string().nullable(),
  consents: z.array(consent),
  identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string() })),
  createdAt: z.string(),
});

export const customerCreate = z.strictObject({
  name: z.string().trim().min(1).max(300),
  organization: z.string().trim().max(300).nullish(),
  notes: z.string().max(10_000).nullish(),
  consents: z.array(consent).max(20).default([]),
  identifiers: z.array(identifier).max(20).default([]),
});

// Spelled out: `.partial()` would keep the defaults, and a PATCH of notes would wipe the identifiers.
export const customerPatch = z.strictObject({
  name: customerCreate.shape.name.optional(),
  organization: customerCreate.shape.organization,
  notes: customerCreate.shape.notes,
  consents: z.array(consent).max(20).optional(),
  identifiers: z.array(identifier).max(20).optional(),
});

export const customerListQuery = z.object({
  /** A phone, an e-mail (matched exactly after normalising) or the beginning of a name. */
  q: z.string().trim().max(200).optional(),
});

export const identifyQuery = z.object({
  phone: z.string().max(50).optional(),
  email: z.string().max(200).optional(),
  chat: z.string().max(200).optional(),
  messenger: z.string().max(200).optional(),
});

export const mergeBody = z.strictObject({ otherId: z.uuid() });
