import { and, desc, eq, getTableColumns, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { ruQuery, ruVector } from '../db/search.ts';
import type { Principal } from '../auth/principal.ts';
import { afterCursor, decodeCursor, toPage } from '../http/pagination.ts';
import { requireReference } from '../http/crud.ts';
import { badField, notFound } from '../http/problem.ts';
import { customers } from '../customers/schema.ts';
import { identifyOrCreate, normaliseAll, requireCustomer } from '../customers/service.ts';
import { users } from '../people/schema.ts';
import { contactMessages, contacts } from './schema.ts';
import { acdQueues } from '../acd/schema.ts';
import type { contactClose, contactCreate, contactOut, contactPatch, journalQuery } from './contracts.ts';
import { checkFields, checkTopic, requireHotline, requireUser, type Hotline } from './rules.ts';

type Contact = typeof contacts.$inferSelect;
export type ContactOut = z.infer<typeof contactOut>;
type Row = Contact & { customerName: string | null; agentName: string | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null | undefined) => (s ? new Date(s) : s === null ? null : undefined);

export function toContactOut(c: Row): ContactOut {
  return {
    id: c.id,
    hotlineId: c.hotlineId,
    clientId: c.clientId,
    queueId: c.queueId,
    channel: c.channel,
    status: c.status,
    customerId: c.customerId,
    customerName: c.customerName,
    agentId: c.agentId,
    agentName: c.agentName,
    agentIds: c.agentIds,
    subject: c.subject,
    topicId: c.topicId,
    criticality: c.criticality,
    customFields: c.customFields,
    outcome: c.outcome,
    fcr: c.fcr,
    notes: c.notes,
    createdAt: c.createdAt.toISOString(),
    queuedAt: iso(c.queuedAt),
    offeredAt: iso(c.offeredAt),
    answeredAt: iso(c.answeredAt),
    endedAt: iso(c.endedAt),
    wrapUpEndedAt: iso(c.wrapUpEndedAt),
    abandonedAt: iso(c.abandonedAt),
  };
}

/** Contacts with the names the journal shows, joined in (row security applies to the joins too). */
export function selectContacts(tx: Tx) {
  // The search vector stays in the database: nobody reads it, and it is large.
  const { search: _search, ...columns } = getTableColumns(contacts);
  return tx
    .select({ ...columns, customerName: customers.name, agentName: users.name })
    .from(contacts)
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .leftJoin(users, eq(users.id, contacts.agentId));
}

export async function readContact(tx: Tx, id: string): Promise<ContactOut> {
  const [row] = await selectContacts(tx).where(eq(contacts.id, id));
  if (!row) throw notFound('Contact');
  return toContactOut(row as Row);
}

export function journalFilters(q: z.infer<typeof journalQuery>): (SQL | undefined)[] {
  return [
    q.from ? gte(contacts.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(contacts.createdAt, new Date(q.to)) : undefined,
    q.channel ? eq(contacts.channel, q.channel) : undefined,
    q.hotlineId ? eq(contacts.hotlineId, q.hotlineId) : undefined,
    q.agentId ? eq(contacts.agentId, q.agentId) : undefined,
    q.topicId ? eq(contacts.topicId, q.topicId) : undefined,
    q.outcome ? eq(contacts.outcome, q.outcome) : undefined,
    q.customerId ? eq(contacts.customerId, q.customerId) : undefined,
    q.status ? eq(contacts.status, q.status) : undefined,
    q.missed === 'true' ? isNotNull(contacts.abandonedAt) : q.missed === 'false' ? isNull(contacts.abandonedAt) : undefined,
    q.q ? sql`${contacts.search} @@ ${ruQuery(q.q)}` : undefined,
  ];
}

/** Text searches look back this far first (days before the page's start), then all the way. */
const SEARCH_WINDOWS_DAYS = [7, 60, 400];

/**
 * A page of the journal, newest first, keyed by (created_at, id).
 * With a text search (`widen`), a frequent word ("тариф") matches tens of thousands of contacts,
 * and reading them all only to keep the newest fifty is what makes a search slow. So the page is
 * first looked for in the last week before its start, then two months, then a year, then
 * everything: once a window holds a full page, no older contact can belong on it, and the
 * database reads only the window's matches (the GIN index ANDed with the date index).
 */
export async function journalPage(tx: Tx, filters: (SQL | undefined)[], query: { limit: number; cursor?: string }, widen = false) {
  const run = async (since?: Date) =>
    (await selectContacts(tx)
      .where(and(...filters, since ? gte(contacts.createdAt, since) : undefined, afterCursor([contacts.createdAt, contacts.id], query.cursor)))
      .orderBy(desc(contacts.createdAt), desc(contacts.id))
      .limit(query.limit + 1)) as Row[];
  let rows: Row[] | null = null;
  if (widen) {
    const start = query.cursor ? new Date(String(decodeCursor(query.cursor, 2)[0])) : new Date();
    for (const days of SEARCH_WINDOWS_DAYS) {
      const found = await run(new Date(start.getTime() - days * 86_400_000));
      if (found.length > query.limit) {
        rows = found;
        break;
      }
    }
  }
  rows ??= await run();
  return toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id], toContactOut);
}

/** What the ACD adds to a contact it registers: its id chosen beforehand, its hotline (and queue) already read, its routing entry. */
export interface ArrivalExtras {
  id: string;
  hotline: Hotline;
  routing: Record<string, unknown>;
}

/**
 * Registers a contact: checks hotline, topic, agent and custom fields, identifies (or
 * creates) the customer, stores the messages. Everything in the caller's one transaction, so
 * the API acknowledges only what is committed. An ACD arrival (`arrival`) is written waiting
 * with its routing entry in the same INSERT.
 */
export async function createContact(tx: Tx, principal: Principal, body: z.infer<typeof contactCreate>, arrival?: ArrivalExtras): Promise<string> {
  const [id] = await insertContacts(tx, [await contactRow(tx, principal, body, arrival)]);
  return id!;
}

/** A contact checked and its customer identified, ready to insert (`insertContacts`). */
export interface ContactRow {
  values: Omit<typeof contacts.$inferInsert, 'search'> & { search: SQL };
  messages: Omit<typeof contactMessages.$inferInsert, 'contactId'>[];
}

/**
 * The checks and the customer identification of `createContact`, without the INSERT: the ACD
 * registers a burst of arrivals with one INSERT (acd/arrivals.ts). Throws the request's 4xx
 * before it writes anything (only the customer identification writes, last).
 */
export async function contactRow(tx: Tx, principal: Principal, body: z.infer<typeof contactCreate>, arrival?: ArrivalExtras): Promise<ContactRow> {
  const hotline = arrival?.hotline ?? (await requireHotline(tx, body.hotlineId, 'body.hotlineId'));
  checkTopic(hotline, body.topicId);
  const closing = body.status === 'closed';
  const customFields = checkFields(hotline, body.customFields ?? {}, closing);
  const agentId = body.agentId !== undefined ? body.agentId : principal.kind === 'user' ? principal.id : null;
  if (agentId && agentId !== principal.id) await requireUser(tx, agentId, 'body.agentId');
  // The queue's foreign key is checked without row security: look it up in the tenant's view.
  if (body.queueId && !arrival) await requireReference(tx, acdQueues, body.queueId, 'body.queueId', 'queue');

  let customerId: string | null = null;
  if (body.customer?.id) {
    customerId = (await requireReference(tx, customers, body.customer.id, 'body.customer.id', 'customer')).id;
  } else if (body.customer) {
    const list = normaliseAll(body.customer.identifiers, 'body.customer.identifiers');
    if (list.length > 0 || body.customer.name) customerId = await identifyOrCreate(tx, list, body.customer.name ?? null);
  }

  const createdAt = body.createdAt ? new Date(body.createdAt) : new Date();
  return {
    values: {
      ...(arrival ? { id: arrival.id, routingStatus: 'waiting' as const, routing: arrival.routing } : {}),
      clientId: hotline.clientId,
      hotlineId: hotline.id,
      queueId: body.queueId ?? null,
      channel: body.channel,
      status: body.status,
      customerId,
      agentId,
      agentIds: agentId ? [agentId] : [],
      subject: body.subject ?? null,
      topicId: body.topicId ?? null,
      criticality: body.criticality ?? 'normal',
      customFields,
      outcome: body.outcome ?? null,
      fcr: body.fcr ?? null,
      notes: body.notes ?? null,
      search: searchOf(body.subject, body.notes, body.messages.map((m) => m.body)),
      createdAt,
      queuedAt: date(body.queuedAt) ?? null,
      offeredAt: date(body.offeredAt) ?? null,
      answeredAt: date(body.answeredAt) ?? null,
      endedAt: date(body.endedAt) ?? (closing ? createdAt : null),
      wrapUpEndedAt: date(body.wrapUpEndedAt) ?? null,
      abandonedAt: date(body.abandonedAt) ?? null,
    },
    messages: body.messages.map((m, i) => ({
      author: m.author,
      authorName: m.author === 'agent' ? principal.name : null,
      body: m.body,
      // one millisecond apart, so the transcript keeps its order
      createdAt: new Date(createdAt.getTime() + i),
    })),
  };
}

/** Inserts checked contacts (one statement for the rows, one for all their messages); their ids in order. */
export async function insertContacts(tx: Tx, rows: readonly ContactRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const ids = (await tx.insert(contacts).values(rows.map((r) => r.values)).returning({ id: contacts.id })).map((r) => r.id);
  const messages = rows.flatMap((r, i) => r.messages.map((m) => ({ ...m, contactId: ids[i]! })));
  if (messages.length > 0) await tx.insert(contactMessages).values(messages);
  return ids;
}

/**
 * What the journal's text search looks in: subject, notes and the transcript (chat messages,
 * e-mail bodies) — a supervisor looking for "the chat where the customer mentioned a refund"
 * searches what was said, not only what the operator wrote down.
 */
const searchOf = (subject: string | null | undefined, notes: string | null | undefined, messages: readonly string[] = []) =>
  ruVector([subject ?? '', notes ?? '', ...messages].join('\n'));

/** Rewrites a contact's search vector from its current subject, notes and messages. */
export async function refreshContactSearch(tx: Tx, id: string): Promise<void> {
  const [c] = await tx.select({ subject: contacts.subject, notes: contacts.notes }).from(contacts).where(eq(contacts.id, id));
  if (!c) return;
  const messages = await tx.select({ body: contactMessages.body }).from(contactMessages).where(eq(contactMessages.contactId, id)).orderBy(contactMessages.createdAt);
  await tx.update(contacts).set({ search: searchOf(c.subject, c.notes, messages.map((m) => m.body)) }).where(eq(contacts.id, id));
}

async function requireContact(tx: Tx, id: string): Promise<Contact> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id));
  if (!row) throw notFound('Contact');
  return row;
}

/** Changes topic, outcome, fields, notes, times; checked against the hotline like a new contact. */
export async function patchContact(tx: Tx, id: string, body: z.infer<typeof contactPatch>): Promise<void> {
  const current = await requireContact(tx, id);
  const hotline = await requireHotline(tx, current.hotlineId, 'hotlineId');
  checkTopic(hotline, body.topicId);
  const values: Partial<typeof contacts.$inferInsert> = {};
  if (body.customFields) values.customFields = checkFields(hotline, { ...current.customFields, ...body.customFields }, current.status === 'closed');
  if (body.customerId) {
    await requireCustomer(tx, body.customerId).catch(() => {
      throw badField('body.customerId', 'no such customer');
    });
  }
  if (body.agentId) {
    await requireUser(tx, body.agentId, 'body.agentId');
    values.agentIds = [...new Set([...current.agentIds, body.agentId])];
  }
  for (const key of ['topicId', 'criticality', 'outcome', 'fcr', 'notes', 'subject', 'agentId', 'customerId'] as const) {
    if (body[key] !== undefined) (values as Record<string, unknown>)[key] = body[key];
  }
  for (const key of ['queuedAt', 'offeredAt', 'answeredAt', 'endedAt', 'wrapUpEndedAt', 'abandonedAt'] as const) {
    if (body[key] !== undefined) values[key] = date(body[key]);
  }
  if (Object.keys(values).length > 0) await tx.update(contacts).set(values).where(eq(contacts.id, id));
  if (body.subject !== undefined || body.notes !== undefined) await refreshContactSearch(tx, id);
}

/**
 * Closes a contact (wrap-up done). Required custom fields must be filled by now.
 * Returns false when it was closed already, so the event is published once.
 */
export async function closeContact(tx: Tx, id: string, body: z.infer<typeof contactClose>): Promise<boolean> {
  const current = await requireContact(tx, id);
  const hotline = await requireHotline(tx, current.hotlineId, 'hotlineId');
  checkTopic(hotline, body.topicId);
  const customFields = checkFields(hotline, { ...current.customFields, ...(body.customFields ?? {}) }, true);
  const now = new Date();
  await tx
    .update(contacts)
    .set({
      status: 'closed',
      customFields,
      ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
      ...(body.fcr !== undefined ? { fcr: body.fcr } : {}),
      ...(body.topicId !== undefined ? { topicId: body.topicId } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      endedAt: body.endedAt ? new Date(body.endedAt) : (current.endedAt ?? now),
      wrapUpEndedAt: body.wrapUpEndedAt ? new Date(body.wrapUpEndedAt) : (current.wrapUpEndedAt ?? now),
    })
    .where(eq(contacts.id, id));
  if (body.notes !== undefined) await refreshContactSearch(tx, id);
  return current.status !== 'closed';
}

export { requireContact };
