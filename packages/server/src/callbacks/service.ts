import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, lt, notExists, sql, type SQL } from 'drizzle-orm';
import { afterAttempt, isOverdue, normalisePhone } from '@linia/engine';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { contacts } from '../contacts/schema.ts';
import { createContact, selectContacts, toContactOut } from '../contacts/service.ts';
import { customerIdentifiers, customers } from '../customers/schema.ts';
import type { Tx } from '../db/index.ts';
import { findOr404, requireReference } from '../http/crud.ts';
import { afterCursor, toPage } from '../http/pagination.ts';
import { badField, conflict } from '../http/problem.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import type { attemptCreate, callbackCreate, callbackPatch, callbackQuery } from './contracts.ts';
import { callbackAttempts, callbacks } from './schema.ts';

type Callback = typeof callbacks.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const assignee = aliasedTable(users, 'assignee');

function toOut(c: Callback & { customerName: string | null; assigneeName: string | null }, now: Date) {
  return {
    id: c.id,
    hotlineId: c.hotlineId,
    contactId: c.contactId,
    customerId: c.customerId,
    customerName: c.customerName,
    phone: c.phone,
    reason: c.reason,
    dueAt: c.dueAt.toISOString(),
    overdue: isOverdue(c.status, c.dueAt, now),
    assigneeId: c.assigneeId,
    assigneeName: c.assigneeName,
    status: c.status,
    attempts: c.attempts,
    lastOutcome: c.lastOutcome,
    resultContactId: c.resultContactId,
    createdAt: c.createdAt.toISOString(),
    closedAt: iso(c.closedAt),
  };
}

function selectCallbacks(tx: Tx) {
  return tx
    .select({ callback: callbacks, customerName: customers.name, assigneeName: assignee.name })
    .from(callbacks)
    .leftJoin(customers, eq(customers.id, callbacks.customerId))
    .leftJoin(assignee, eq(assignee.id, callbacks.assigneeId));
}

type Joined = { callback: Callback; customerName: string | null; assigneeName: string | null };
const flat = (r: Joined) => ({ ...r.callback, customerName: r.customerName, assigneeName: r.assigneeName });

export async function readCallback(tx: Tx, id: string, now = new Date()) {
  const [row] = await selectCallbacks(tx).where(eq(callbacks.id, id));
  if (!row) await findOr404(tx, callbacks, id, 'Callback');
  return toOut(flat(row!), now);
}

/** The open tasks by due time (the order they are worked in); closed ones also by due time. */
export async function listCallbacks(tx: Tx, principal: Principal, q: z.infer<typeof callbackQuery> & { limit: number; cursor?: string }, now = new Date()) {
  const filters: (SQL | undefined)[] = [
    q.status ? eq(callbacks.status, q.status) : undefined,
    q.hotlineId ? eq(callbacks.hotlineId, q.hotlineId) : undefined,
    q.assignee === 'me' ? eq(callbacks.assigneeId, principal.id) : q.assignee === 'none' ? isNull(callbacks.assigneeId) : q.assignee ? eq(callbacks.assigneeId, q.assignee) : undefined,
    q.overdue === 'true' ? and(eq(callbacks.status, 'open'), lt(callbacks.dueAt, now)) : undefined,
    afterCursor([callbacks.dueAt, callbacks.id], q.cursor, 'asc'),
  ];
  const rows = await selectCallbacks(tx).where(and(...filters)).orderBy(asc(callbacks.dueAt), asc(callbacks.id)).limit(q.limit + 1);
  return toPage(rows.map(flat), q.limit, (r) => [r.dueAt.toISOString(), r.id], (r) => toOut(r, now));
}

async function phoneOfCustomer(tx: Tx, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const [row] = await tx
    .select({ value: customerIdentifiers.value })
    .from(customerIdentifiers)
    .where(and(eq(customerIdentifiers.customerId, customerId), eq(customerIdentifiers.kind, 'phone')))
    .limit(1);
  return row?.value ?? null;
}

export async function createCallback(tx: Tx, principal: Principal, body: z.infer<typeof callbackCreate>, now = new Date()): Promise<string> {
  const contact = body.contactId ? await requireReference(tx, contacts, body.contactId, 'body.contactId', 'contact') : null;
  const hotline = await requireReference(tx, hotlines, contact?.hotlineId ?? body.hotlineId!, contact ? 'body.contactId' : 'body.hotlineId', 'hotline');
  if (contact && body.hotlineId && body.hotlineId !== contact.hotlineId) throw badField('body.hotlineId', "not the contact's hotline");
  if (body.customerId) await requireReference(tx, customers, body.customerId, 'body.customerId', 'customer');
  if (body.assigneeId) await requireReference(tx, users, body.assigneeId, 'body.assigneeId', 'user');
  const customerId = body.customerId ?? contact?.customerId ?? null;
  const raw = body.phone ?? (await phoneOfCustomer(tx, customerId));
  if (!raw) throw badField('body.phone', 'no phone number known for this customer; give one');
  const phone = normalisePhone(raw);
  if (!phone) throw badField('body.phone', 'not a phone number');
  if (contact) {
    // One open task per contact: the missed list is worked by several people at once.
    const [open] = await tx.select({ id: callbacks.id }).from(callbacks).where(and(eq(callbacks.contactId, contact.id), eq(callbacks.status, 'open')));
    if (open) throw conflict('body.contactId', 'this contact already has an open callback');
  }
  const [row] = await tx
    .insert(callbacks)
    .values({
      clientId: hotline.clientId,
      hotlineId: hotline.id,
      contactId: contact?.id ?? null,
      customerId,
      phone,
      reason: body.reason ?? null,
      dueAt: body.dueAt ? new Date(body.dueAt) : now,
      assigneeId: body.assigneeId ?? null,
      createdBy: principal.kind === 'user' ? principal.id : null,
    })
    .returning({ id: callbacks.id });
  return row!.id;
}

export async function patchCallback(tx: Tx, id: string, body: z.infer<typeof callbackPatch>, now = new Date()) {
  const c = await findOr404(tx, callbacks, id, 'Callback');
  if (c.status !== 'open') throw conflict('status', `the callback is ${c.status}`);
  if (body.assigneeId) await requireReference(tx, users, body.assigneeId, 'body.assigneeId', 'user');
  await tx
    .update(callbacks)
    .set({
      ...(body.dueAt ? { dueAt: new Date(body.dueAt) } : {}),
      ...(body.assigneeId !== undefined ? { assigneeId: body.assigneeId } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      ...(body.status === 'cancelled' ? { status: 'cancelled' as const, closedAt: now } : {}),
    })
    .where(eq(callbacks.id, id));
}

/**
 * One call made for the task. Reaching the customer registers the outgoing call in the
 * journal (open, for the operator to complete like any contact) and closes the task.
 */
export async function recordAttempt(tx: Tx, principal: Principal, id: string, body: z.infer<typeof attemptCreate>, now = new Date()) {
  const c = await findOr404(tx, callbacks, id, 'Callback');
  if (c.status !== 'open') throw conflict('status', `the callback is ${c.status}`);
  const decision = afterAttempt(c.attempts, body.outcome, now, undefined, body.retryAt ? new Date(body.retryAt) : undefined);
  await tx.insert(callbackAttempts).values({
    callbackId: id,
    outcome: body.outcome,
    notes: body.notes ?? null,
    agentId: principal.kind === 'user' ? principal.id : null,
  });
  let resultContactId: string | null = null;
  if (body.outcome === 'reached') {
    resultContactId = await createContact(tx, principal, {
      hotlineId: c.hotlineId,
      channel: 'voice_out',
      status: 'open',
      messages: [],
      customer: c.customerId ? { id: c.customerId, identifiers: [] } : { identifiers: [{ kind: 'phone', value: c.phone }] },
      subject: c.reason,
      notes: body.notes ?? null,
      answeredAt: now.toISOString(),
    });
  }
  await tx
    .update(callbacks)
    .set({
      status: decision.status,
      attempts: decision.attempts,
      lastOutcome: body.outcome,
      ...(decision.dueAt ? { dueAt: decision.dueAt } : {}),
      ...(decision.status !== 'open' ? { closedAt: now } : {}),
      ...(resultContactId ? { resultContactId } : {}),
      // whoever calls owns the task from then on
      ...(c.assigneeId === null && principal.kind === 'user' ? { assigneeId: principal.id } : {}),
    })
    .where(eq(callbacks.id, id));
  return resultContactId;
}

export async function attemptsOf(tx: Tx, id: string) {
  const rows = await tx
    .select({ a: callbackAttempts, agentName: users.name })
    .from(callbackAttempts)
    .leftJoin(users, eq(users.id, callbackAttempts.agentId))
    .where(eq(callbackAttempts.callbackId, id))
    .orderBy(asc(callbackAttempts.createdAt));
  return rows.map(({ a, agentName }) => ({ id: a.id, outcome: a.outcome, notes: a.notes, agentId: a.agentId, agentName, createdAt: a.createdAt.toISOString() }));
}

/**
 * Missed contacts nobody is calling back: no open or completed task. A failed or cancelled one
 * does not hide it, so a supervisor can decide to try again.
 */
export async function missedContacts(tx: Tx, q: { hotlineId?: string; limit: number; cursor?: string }) {
  const rows = await selectContacts(tx)
    .where(and(
      isNotNull(contacts.abandonedAt),
      q.hotlineId ? eq(contacts.hotlineId, q.hotlineId) : undefined,
      notExists(tx.select({ one: sql`1` }).from(callbacks).where(and(eq(callbacks.contactId, contacts.id), inArray(callbacks.status, ['open', 'done'])))),
      afterCursor([contacts.createdAt, contacts.id], q.cursor),
    ))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => toContactOut(r as Parameters<typeof toContactOut>[0]));
}
