import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, tenantId } from '../db/columns.ts';
import { clients, hotlines } from '../tenants/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { acdQueues } from '../acd/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';

/**
 * A web-chat widget of a hotline: what one `<script data-key="…">` tag on a customer's site opens.
 * The public key names the widget to anonymous callers, so it is unique across the installation
 * (the lookup happens before any tenant is known). `client_id` is copied from the hotline so the
 * client-viewer policy covers widgets too.
 */
export const chatWidgets = pgTable(
  'chat_widgets',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'cascade' }),
    /** The ACD queue (channel chat) its chats arrive in. */
    queueId: uuid('queue_id')
      .notNull()
      .references(() => acdQueues.id, { onDelete: 'restrict' }),
    publicKey: text('public_key').notNull(),
    name: text('name').notNull(),
    greeting: text('greeting').notNull().default(''),
    active: boolean('active').notNull().default(true),
    /** The chat's own opening hours; null = the hotline's calendar (hotline_service_settings). */
    calendarId: uuid('calendar_id').references(() => businessCalendars.id, { onDelete: 'set null' }),
    /** Flood limit: customer messages per chat per minute. */
    messagesPerMinute: integer('messages_per_minute').notNull().default(30),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('chat_widgets_key').on(t.publicKey), index('chat_widgets_page').on(t.tenantId, t.createdAt, t.id)],
);

/**
 * One web chat: the contact (channel chat) it is in the journal, reached by the customer with a
 * random token of which only the SHA-256 is stored (unique across the installation, looked up
 * before the tenant is known). Its messages are rows of contact_messages with a per-chat `seq`.
 */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    widgetId: uuid('widget_id')
      .notNull()
      .references(() => chatWidgets.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    customerName: text('customer_name'),
    topicId: text('topic_id'),
    /** The last seq given to a message of this chat (the row is locked while the next is taken). */
    lastSeq: integer('last_seq').notNull().default(0),
    /** Messages up to this seq: the customer has read the agent's, the agent the customer's. */
    customerReadSeq: integer('customer_read_seq').notNull().default(0),
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    customerOnline: boolean('customer_online').notNull().default(false),
    /**
     * The nodes holding a socket of the customer (chat/presence.ts): online while any does, and a
     * node that stops saying it is alive is removed by the routing node — so a crash cannot leave
     * a customer "online" for ever.
     */
    customerNodes: text('customer_nodes').array().notNull().default(sql`'{}'::text[]`),
    endedAt: at('ended_at'),
    endedBy: text('ended_by').$type<'customer' | 'agent' | 'system'>(),
    /**
     * The post-chat survey's link token. Readable only with the chat's own token (the survey
     * module keeps just its hash); null until the chat ended with a survey to answer.
     */
    surveyToken: text('survey_token'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chat_sessions_token').on(t.tokenHash),
    uniqueIndex('chat_sessions_contact').on(t.tenantId, t.contactId),
    index('chat_sessions_open').on(t.endedAt),
  ],
);
