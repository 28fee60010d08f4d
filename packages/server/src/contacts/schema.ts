import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ContactChannel, Criticality, CustomFieldValue } from '@linia/engine';
import { at, bytea, createdAt, id, tenantId, tsvector } from '../db/columns.ts';
import { clients, hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customers } from '../customers/schema.ts';
import { acdQueues } from '../acd/schema.ts';

/**
 * The contact journal (журнал обращений): one row per contact on any channel. The ACD issue
 * extends this table rather than copying it: `queue_id` and the queued/offered/answered
 * timestamps are here already, nullable until routing fills them.
 * `client_id` is copied from the hotline so the client-viewer row policy covers contacts.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    hotlineId: uuid('hotline_id')
      .notNull()
      .references(() => hotlines.id, { onDelete: 'restrict' }),
    /** The ACD queue it was routed in (the last one, after overflow moves). */
    queueId: uuid('queue_id').references(() => acdQueues.id, { onDelete: 'restrict' }),
    channel: text('channel').$type<ContactChannel>().notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** The agent who handled it last (the journal's "agent" filter); everyone involved in agent_ids. */
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    agentIds: uuid('agent_ids').array().notNull().default([]),
    subject: text('subject'),
    topicId: text('topic_id'),
    criticality: text('criticality').$type<Criticality>().notNull().default('normal'),
    customFields: jsonb('custom_fields').$type<Record<string, CustomFieldValue>>().notNull().default({}),
    outcome: text('outcome'),
    fcr: boolean('fcr'),
    notes: text('notes'),
    createdAt: createdAt(),
    queuedAt: at('queued_at'),
    offeredAt: at('offered_at'),
    answeredAt: at('answered_at'),
    endedAt: at('ended_at'),
    wrapUpEndedAt: at('wrap_up_ended_at'),
    /** The customer gave up while waiting or ringing. */
    abandonedAt: at('abandoned_at'),
    /**
     * Where the contact is in the ACD: waiting, offered, connected, wrapUp; released or abandoned
     * once done; null for contacts that never queued. The routing state is rebuilt from the rows
     * still active after a restart.
     */
    routingStatus: text('routing_status').$type<'waiting' | 'offered' | 'connected' | 'wrapUp' | 'released' | 'abandoned'>(),
    /** The engine's own record of the contact (its snapshot entry) while it is active. */
    routing: jsonb('routing').$type<Record<string, unknown>>(),
    /** Subject and notes for full-text search; written by the service (see db/search.ts). */
    search: tsvector('search'),
  },
  (t) => [
    index('contacts_page').on(t.tenantId, t.createdAt, t.id),
    index('contacts_hotline').on(t.tenantId, t.hotlineId, t.createdAt),
    index('contacts_customer').on(t.tenantId, t.customerId, t.createdAt),
    index('contacts_agent').on(t.tenantId, t.agentId, t.createdAt),
    index('contacts_channel').on(t.tenantId, t.channel, t.createdAt),
    // Topic and outcome filters: without these a rare topic scans the whole journal. Topic ids
    // are per hotline (the screen asks for the hotline first), so the hotline leads.
    index('contacts_topic').on(t.tenantId, t.hotlineId, t.topicId, t.createdAt),
    index('contacts_outcome').on(t.tenantId, t.outcome, t.createdAt),
    index('contacts_search').using('gin', t.search),
    index('contacts_routing').on(t.tenantId, t.routingStatus),
  ],
);

/** The conversation of a contact: chat and e-mail messages, a call's transcript, replies. */
export const contactMessages = pgTable(
  'contact_messages',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    author: text('author').$type<'customer' | 'agent' | 'system'>().notNull(),
    authorName: text('author_name'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    /** A chat's running number of the message (web chat: resume after a reconnect from the last seen). */
    seq: integer('seq'),
    /** The sender's own id of a chat message: the same message sent twice is stored once. */
    clientMessageId: text('client_message_id'),
    /** A chat message that carries a file. */
    attachmentId: uuid('attachment_id').references((): AnyPgColumn => contactAttachments.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('contact_messages_contact').on(t.tenantId, t.contactId, t.createdAt),
    uniqueIndex('contact_messages_seq').on(t.contactId, t.seq),
    uniqueIndex('contact_messages_client_id').on(t.contactId, t.clientMessageId),
  ],
);

/** A file attached to a contact: its description here, its bytes in contact_attachment_data. */
export const contactAttachments = pgTable(
  'contact_attachments',
  {
    id: id(),
    tenantId: tenantId(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('contact_attachments_contact').on(t.tenantId, t.contactId)],
);

/**
 * The bytes of attachments, outside the rows anyone lists: listing a journal or a contact's
 * attachments never reads them. A table (not files) so both databases, backups and tenant
 * deletion treat them like any other data, and one transaction stores description and bytes.
 */
export const contactAttachmentData = pgTable('contact_attachment_data', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => contactAttachments.id, { onDelete: 'cascade' }),
  tenantId: tenantId(),
  data: bytea('data').notNull(),
});
