import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import type { AgentState, OverflowRule, Presence, Strategy } from '@linia/engine';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { clients, hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';

/** A skill agents have and queues require (language, product, tier…). The engine knows it by id. */
export const acdSkills = pgTable(
  'acd_skills',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('acd_skills_tenant_code').on(t.tenantId, t.code), index('acd_skills_page').on(t.tenantId, t.createdAt, t.id)],
);

/** A tenant's own "not ready" reason codes, besides the standard ones every tenant has. */
export const acdNotReadyReasons = pgTable(
  'acd_not_ready_reasons',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('acd_reasons_tenant_code').on(t.tenantId, t.code), index('acd_reasons_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * An ACD queue of a hotline: the routing engine's QueueConfig, column by column, plus the KPI
 * thresholds (service level T, short abandon). `client_id` is the hotline's, so a client viewer
 * sees its own queues only.
 */
export const acdQueues = pgTable(
  'acd_queues',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** Capacity class: voice, chat, email. */
    channel: text('channel').notNull(),
    priority: integer('priority').notNull().default(0),
    /** Skill requirements: skill id and minimum proficiency. */
    skills: jsonb('skills').$type<{ skillId: string; min: number }[]>().notNull().default([]),
    strategy: text('strategy').$type<Strategy>().notNull().default('longestIdle'),
    stickySeconds: integer('sticky_seconds'),
    agingPerMinute: integer('aging_per_minute').notNull().default(0),
    overflow: jsonb('overflow').$type<OverflowRule[]>().notNull().default([]),
    offerTimeoutSeconds: integer('offer_timeout_seconds').notNull().default(20),
    wrapUpSeconds: integer('wrap_up_seconds').notNull().default(30),
    autoAccept: boolean('auto_accept').notNull().default(false),
    serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
    shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
    expectedHandleSeconds: integer('expected_handle_seconds').notNull().default(180),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('acd_queues_tenant_name').on(t.tenantId, t.name), index('acd_queues_page').on(t.tenantId, t.createdAt, t.id)],
);

/** What the routing engine needs to resume an agent after a restart (its snapshot entry). */
export interface StoredAgentRouting {
  presence: Presence;
  reason: string | null;
  state: AgentState;
  stateSince: number;
  lastActivityAt: number;
}

/** A user who takes contacts: skills with proficiency 1–5, queues, capacity per channel. */
export const acdAgents = pgTable(
  'acd_agents',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** skill id → proficiency 1…5. */
    skills: jsonb('skills').$type<Record<string, number>>().notNull().default({}),
    queueIds: uuid('queue_ids').array().notNull().default([]),
    /** channel → contacts at once; missing channels take the defaults (voice 1, chat 3, email 5). */
    capacity: jsonb('capacity').$type<Record<string, number>>().notNull().default({}),
    /** The engine's view of the agent after its last change (presence, state, since). */
    routing: jsonb('routing').$type<StoredAgentRouting>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('acd_agents_user').on(t.userId), index('acd_agents_page').on(t.tenantId, t.createdAt, t.id)],
);

/** Every visible agent state with its start and end (R2): adherence, occupancy and KPIs read it. */
export const agentStateLog = pgTable(
  'agent_state_log',
  {
    id: id(),
    tenantId: tenantId(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').$type<AgentState>().notNull(),
    reason: text('reason'),
    startedAt: at('started_at').notNull(),
    /** Null while the agent is in this state. */
    endedAt: at('ended_at'),
    createdAt: createdAt(),
  },
  (t) => [index('agent_state_log_agent').on(t.tenantId, t.agentId, t.startedAt), index('agent_state_log_open').on(t.tenantId, t.endedAt)],
);

/** The routing journal: every decision of the engine, in order. */
export const routingDecisions = pgTable(
  'routing_decisions',
  {
    id: id(),
    tenantId: tenantId(),
    /** Order within the tenant (decisions of one event share `at`). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: at('at').notNull(),
    type: text('type').notNull(),
    contactId: uuid('contact_id'),
    agentId: uuid('agent_id'),
    queueId: uuid('queue_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('routing_decisions_contact').on(t.tenantId, t.contactId, t.seq), index('routing_decisions_at').on(t.tenantId, t.at)],
);
