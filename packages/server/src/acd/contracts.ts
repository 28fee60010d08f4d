import { z } from 'zod';
import { customerRef } from '../contacts/contracts.ts';
import { CONTACT_CHANNELS, MAX_PROFICIENCY, MIN_PROFICIENCY, STRATEGIES, type ContactChannel } from '@linia/engine';

/** Request and response shapes of the ACD: configuration, agent states, offers, arrivals. */

/** Capacity classes of the ACD (routing "channels"); journal channels map onto them (channels.ts). */
export const ACD_CHANNELS = ['voice', 'chat', 'email'] as const;
export type AcdChannel = (typeof ACD_CHANNELS)[number];

/** The journal channel of a contact arriving in a queue of this capacity class, unless given. */
export const JOURNAL_CHANNEL: Record<AcdChannel, ContactChannel> = { voice: 'voice_in', chat: 'chat', email: 'email' };

const code = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase latin letters, digits, _ and -, starting with a letter');
const name = z.string().trim().min(1).max(200);
const proficiency = z.number().int().min(MIN_PROFICIENCY).max(MAX_PROFICIENCY);
const seconds = (max: number) => z.number().int().min(0).max(max);

// ── skills and reasons ──

export const skillOut = z.object({ id: z.uuid(), code: z.string(), name: z.string(), createdAt: z.string() });
export const skillCreate = z.strictObject({ code, name });
export const skillPatch = skillCreate.partial().strict();

export const reasonOut = z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean(), createdAt: z.string() });
export const reasonCreate = z.strictObject({ code, name });
export const reasonPatch = z.strictObject({ name: name.optional(), active: z.boolean().optional() });

// ── queues ──

const requirement = z.strictObject({ skillId: z.uuid(), min: proficiency });
const overflowRule = z.strictObject({
  afterSeconds: seconds(86_400),
  action: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('widenSkills'), skills: z.array(z.uuid()).max(20).optional() }),
    z.strictObject({ kind: z.literal('lowerMinimum'), to: proficiency }),
    z.strictObject({ kind: z.literal('moveToQueue'), queueId: z.uuid() }),
  ]),
});

/** A queue's fields without defaults: the change (PATCH) touches only what it names. */
const queueFields = z.strictObject({
  hotlineId: z.uuid(),
  name,
  channel: z.enum(ACD_CHANNELS),
  priority: z.number().int().min(-1000).max(1000),
  skills: z.array(requirement).max(20),
  strategy: z.enum(STRATEGIES),
  stickySeconds: seconds(3600).nullish(),
  agingPerMinute: z.number().int().min(0).max(1000),
  overflow: z.array(overflowRule).max(10),
  offerTimeoutSeconds: z.number().int().min(5).max(600),
  wrapUpSeconds: seconds(3600),
  autoAccept: z.boolean(),
  serviceLevelSeconds: z.number().int().min(1).max(86_400),
  shortAbandonSeconds: seconds(600),
  expectedHandleSeconds: z.number().int().min(1).max(86_400),
});

const f = queueFields.shape;
export const queueCreate = queueFields.extend({
  priority: f.priority.default(0),
  skills: f.skills.default([]),
  strategy: f.strategy.default('longestIdle'),
  agingPerMinute: f.agingPerMinute.default(0),
  overflow: f.overflow.default([]),
  offerTimeoutSeconds: f.offerTimeoutSeconds.default(20),
  wrapUpSeconds: f.wrapUpSeconds.default(30),
  autoAccept: f.autoAccept.default(false),
  serviceLevelSeconds: f.serviceLevelSeconds.default(20),
  shortAbandonSeconds: f.shortAbandonSeconds.default(5),
  expectedHandleSeconds: f.expectedHandleSeconds.default(180),
});
export const queuePatch = queueFields.partial().extend({ active: z.boolean().optional() });

export const queueOut = z.object({
  id: z.uuid(),
  hotlineId: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  channel: z.string(),
  priority: z.number(),
  skills: z.array(z.object({ skillId: z.string(), min: z.number() })),
  strategy: z.enum(STRATEGIES),
  stickySeconds: z.number().nullable(),
  agingPerMinute: z.number(),
  overflow: z.array(z.unknown()),
  offerTimeoutSeconds: z.number(),
  wrapUpSeconds: z.number(),
  autoAccept: z.boolean(),
  serviceLevelSeconds: z.number(),
  shortAbandonSeconds: z.number(),
  expectedHandleSeconds: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
});

// ── agents (configuration) ──

const capacity = z.partialRecord(z.enum(ACD_CHANNELS), z.number().int().min(0).max(50));
const skillLevels = z.record(z.uuid(), proficiency).refine((r) => Object.keys(r).length <= 50, 'at most 50 skills');

export const agentCreate = z.strictObject({
  userId: z.uuid(),
  skills: skillLevels.default({}),
  queueIds: z.array(z.uuid()).max(100).default([]),
  capacity: capacity.default({}),
});
export const agentPatch = z.strictObject({ skills: skillLevels.optional(), queueIds: z.array(z.uuid()).max(100).optional(), capacity: capacity.optional() });

export const agentOut = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  skills: z.record(z.string(), z.number()),
  queueIds: z.array(z.string()),
  capacity: z.record(z.string(), z.number()),
  createdAt: z.string(),
});

// ── live: states, offers, arrivals ──

export const PRESENCES = ['ready', 'notReady', 'offline'] as const;

export const stateRequest = z.strictObject({
  state: z.enum(PRESENCES),
  /** Reason code for notReady: a standard one (break, lunch…) or the tenant's own. */
  reason: z.string().min(1).max(40).optional(),
});

export const floorStateRequest = stateRequest.extend({
  /** Offline even with contacts in hand (pending offers are re-routed). */
  force: z.boolean().optional(),
});

export const agentStateOut = z.object({
  agentId: z.string(),
  name: z.string().optional(),
  state: z.string(),
  presence: z.string(),
  reason: z.string().nullable(),
  since: z.string(),
  load: z.record(z.string(), z.number()),
  capacity: z.record(z.string(), z.number()),
  queueIds: z.array(z.string()),
  skills: z.record(z.string(), z.number()),
});

export const myContactOut = z.object({
  contactId: z.string(),
  queueId: z.string(),
  channel: z.string(),
  status: z.string(),
  offerDeadline: z.string().nullable(),
  wrapUpDeadline: z.string().nullable(),
  subject: z.string().nullable(),
  customerName: z.string().nullable(),
});

export const meOut = z.object({
  agent: agentStateOut.nullable(),
  contacts: z.array(myContactOut),
  reasons: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  allowed: z.array(z.string()),
});

export const arrivalCreate = z.strictObject({
  queueId: z.uuid(),
  /** Journal channel; defaults from the queue's (voice → voice_in). */
  channel: z.enum(CONTACT_CHANNELS).optional(),
  subject: z.string().trim().max(500).nullish(),
  customer: customerRef.optional(),
  /** The contact's own priority on top of the queue's (VIP, critical topic). */
  priority: z.number().int().min(-1000).max(1000).optional(),
  /** Skills this contact needs on top of the queue's (language…). */
  skills: z.array(requirement).max(10).optional(),
});

export const arrivalOut = z.object({
  contactId: z.uuid(),
  queueId: z.uuid(),
  status: z.string(),
  agentId: z.string().nullable(),
  position: z.number().nullable(),
  ewtSeconds: z.number().nullable(),
});

export const contactParams = z.object({ contactId: z.uuid() });
export const agentParams = z.object({ agentId: z.uuid() });
