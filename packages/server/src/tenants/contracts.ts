import { z } from 'zod';
import { CUSTOM_FIELD_TYPES, checkFieldDefs } from '@linia/engine';

/** Request and response shapes of clients and hotlines: the single source for validation and OpenAPI. */
export const CHANNELS = ['voice', 'chat', 'email', 'webform', 'messenger', 'letter'] as const;

export const clientOut = z.object({
  id: z.uuid(),
  name: z.string(),
  legalName: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const clientCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  legalName: z.string().trim().max(300).nullish(),
});

export const clientPatch = clientCreate.partial().extend({ active: z.boolean().optional() }).strict();

export interface TopicNode {
  id: string;
  name: string;
  children: TopicNode[];
}

export const topic: z.ZodType<TopicNode> = z.lazy(() =>
  z.strictObject({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(200), children: z.array(topic).max(200).default([]) }),
);
// A recursive schema becomes a named component of the OpenAPI document (see http/app.ts).
z.globalRegistry.add(topic, { id: 'Topic' });

/** A custom field of the hotline's contacts; the key is what the API and CSV name it by. */
export const customFieldDef = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase latin letters, digits and _, starting with a letter'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});

const customFieldDefs = z
  .array(customFieldDef)
  .max(50)
  .superRefine((defs, ctx) => {
    for (const p of checkFieldDefs(defs)) ctx.addIssue({ code: 'custom', path: [p.index], message: p.message });
  });

/** An IANA time zone this runtime knows (Europe/Moscow, Asia/Yekaterinburg…). */
export const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const hotlineOut = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  code: z.string(),
  timeZone: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  topics: z.array(topic),
  customFields: z.array(customFieldDef),
  active: z.boolean(),
  createdAt: z.string(),
});

export const hotlineCreate = z.strictObject({
  clientId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  code: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lowercase letters, digits and dashes, 2–40'),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  topics: z.array(topic).max(500).default([]),
  customFields: customFieldDefs.default([]),
});

export const hotlinePatch = z.strictObject({
  clientId: z.uuid().optional(),
  name: hotlineCreate.shape.name.optional(),
  code: hotlineCreate.shape.code.optional(),
  timeZone: hotlineCreate.shape.timeZone.optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  topics: z.array(topic).max(500).optional(),
  customFields: customFieldDefs.optional(),
  active: z.boolean().optional(),
});
