import { z } from 'zod';

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

const isTimeZone = (tz: string) => {
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
});

export const hotlinePatch = z.strictObject({
  clientId: z.uuid().optional(),
  name: hotlineCreate.shape.name.optional(),
  code: hotlineCreate.shape.code.optional(),
  timeZone: hotlineCreate.shape.timeZone.optional(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
  topics: z.array(topic).max(500).optional(),
  active: z.boolean().optional(),
});
