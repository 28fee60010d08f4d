import { eq, inArray, sql } from 'drizzle-orm';
import {
  addCalendarDays, allowedCaseTransitions, alwaysOpenCalendar, checkCaseTransition, isOpenStatus, isPausing, priorityOf,
  type BusinessCalendar, type CaseStatus, type SlaPause,
} from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { enqueueEvent } from '../webhooks/enqueue.ts';
import type { Principal } from '../auth/principal.ts';
import { envelope, type EventEnvelope } from '../realtime/envelope.ts';
import { findOr404, requireReference } from '../http/crud.ts';
import { HttpProblem, conflict } from '../http/problem.ts';
import { hotlines } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { customers } from '../customers/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { businessCalendars } from '../calendars/schema.ts';
import { calendarById, resolveCalendar, serviceSettingsOf, toBusinessCalendar } from '../calendars/service.ts';
import type { z } from 'zod';
import type { caseCreate, casePatch } from './contracts.ts';
import { caseEvents, cases, resolverGroupMembers, resolverGroups } from './schema.ts';
import { clocksOf, selectPolicy, storedDueTimes, type CaseClocks } from './sla.ts';

type CaseRow = typeof cases.$inferSelect;

/** Who did it, as stored on the timeline (an API token has no user row). */
export interface Actor {
  id: string | null;
  name: string;
  tenantId: string;
}

export const actorOf = (p: Principal): Actor => ({ id: p.kind === 'user' ? p.id : null, name: p.name, tenantId: p.tenantId });
export const systemActor = (tenantId: string): Actor => ({ id: null, name: 'SLA', tenantId });

/** Real-time messages to send once the transaction has committed. */
export type Outbox = EventEnvelope[];

/**
 * One step on the case's timeline. The same step is queued for webhook subscribers of `case.*`
 * in the same transaction (as `case.<kind>`), so an integration hears of exactly the steps that
 * were committed — none lost in a crash, none for a rolled-back change.
 */
export async function recordEvent(tx: Tx, caseId: string, kind: string, actor: Actor, data: Record<string, unknown>, at: Date) {
  const [row] = await tx
    .insert(caseEvents)
    .values({ caseId, kind, actorId: actor.id, actorName: actor.name, data, createdAt: at })
    .returning({ id: caseEvents.id });
  await enqueueEvent(tx, { id: row!.id, type: `case.${kind}`, at: at.toISOString(), data: { caseId, actor: actor.name, ...data } });
}

/** Tells every member of a group, on their personal topic (the WebSocket `user:<id>`). */
export async function tellGroup(tx: Tx, outbox: Outbox, tenantId: string, groupId: string | null, type: string, data: Record<string, unknown>) {
  if (!groupId) return;
  const members = await tx.select({ userId: resolverGroupMembers.userId }).from(resolverGroupMembers).where(eq(resolverGroupMembers.groupId, groupId));
  for (const m of members) outbox.push(envelope(tenantId, `user:${m.userId}`, type, data));
}

/** Calendars of several cases at once, for lists (one query, not one per row). */
export async function calendarsFor(tx: Tx, rows: CaseRow[]): Promise<(row: CaseRow) => BusinessCalendar> {
  const ids = [...new Set(rows.map((r) => r.calendarId).filter((x) => x !== null))];
  const cals = ids.length ? await tx.select().from(businessCalendars).where(inArray(businessCalendars.id, ids)) : [];
  const hotlineIds = [...new Set(rows.map((r) => r.hotlineId))];
  const zones = hotlineIds.length ? await tx.select({ id: hotlines.id, timeZone: hotlines.timeZone }).from(hotlines).where(inArray(hotlines.id, hotlineIds)) : [];
  const byId = new Map(cals.map((c) => [c.id, toBusinessCalendar(c)]));
  const zone = new Map(zones.map((z) => [z.id, z.timeZone]));
  return (row) => byId.get(row.calendarId ?? '') ?? alwaysOpenCalendar(zone.get(row.hotlineId) ?? 'UTC');
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const clockOut = (c: CaseClocks['response']) => c && {
  targetMinutes: c.targetMinutes, dueAt: c.dueAt === null ? null : new Date(c.dueAt).toISOString(),
  warnAt: c.warnAt === null ? null : new Date(c.warnAt).toISOString(), elapsedMs: c.elapsedMs, remainingMs: c.remainingMs,
  fraction: Math.round(c.fraction * 1000) / 1000, paused: c.paused, state: c.state,
};

const factsOf = (row: CaseRow) => ({ decision: row.decision !== null, answerSent: row.answerSentAt !== null });

export function toCaseOut(row: CaseRow, calendar: BusinessCalendar, now: number) {
  const clocks = clocksOf(row, calendar, now);
  return {
    id: row.id, number: row.number, type: row.type, status: row.status, hotlineId: row.hotlineId, clientId: row.clientId,
    customerId: row.customerId, contactIds: row.contactIds, subject: row.subject, description: row.description,
    impact: row.impact, urgency: row.urgency, priority: row.priority, groupId: row.groupId, assigneeId: row.assigneeId,
    createdById: row.createdById, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    respondedAt: iso(row.respondedAt), resolvedAt: iso(row.resolvedAt), closedAt: iso(row.closedAt),
    escalationLevel: row.escalationLevel, problemId: row.problemId, departmentId: row.departmentId,
    decisionDueAt: iso(row.decisionDueAt), decision: row.decision, decisionAt: iso(row.decisionAt), answer: row.answer,
    answerChannel: row.answerChannel, answerSentAt: iso(row.answerSentAt),
    sla: { response: clockOut(clocks.response), resolution: clockOut(clocks.resolution) },
    allowedStatuses: allowedCaseTransitions(row.type, row.status, factsOf(row)),
  };
}

export async function loadCase(tx: Tx, id: string) {
  const row = await findOr404(tx, cases, id, 'Case');
  const [h] = await tx.select({ timeZone: hotlines.timeZone }).from(hotlines).where(eq(hotlines.id, row.hotlineId));
  return { row, calendar: await calendarById(tx, row.calendarId, h?.timeZone ?? 'UTC') };
}

async function checkPeople(tx: Tx, body: { groupId?: string | null; assigneeId?: string | null; departmentId?: string | null; customerId?: string | null }) {
  if (body.groupId) await requireReference(tx, resolverGroups, body.groupId, 'body.groupId', 'resolver group');
  if (body.assigneeId) await requireReference(tx, users, body.assigneeId, 'body.assigneeId', 'user');
  if (body.departmentId) await requireReference(tx, resolverGroups, body.departmentId, 'body.departmentId', 'resolver group');
  if (body.customerId) await requireReference(tx, customers, body.customerId, 'body.customerId', 'customer');
}

/** Recomputes the stored due times after anything that moves the clocks, and saves the change. */
async function save(tx: Tx, row: CaseRow, changes: Partial<CaseRow>, calendar: BusinessCalendar, now: Date): Promise<CaseRow> {
  const next = { ...row, ...changes, updatedAt: now };
  const due = storedDueTimes(clocksOf(next, calendar, now.getTime()));
  const [saved] = await tx.update(cases).set({ ...changes, ...due, updatedAt: now }).where(eq(cases.id, row.id)).returning();
  return saved!;
}

/**
 * Opens a case: priority from impact × urgency, SLA terms copied from the matching policy, the
 * first group of L1 by default, a complaint's decision deadline in calendar days of its hotline.
 */
export async function openCase(tx: Tx, actor: Actor, body: z.infer<typeof caseCreate>, now: Date, outbox: Outbox) {
  const hotline = await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  await checkPeople(tx, body);
  let customerId = body.customerId ?? null;
  for (const [i, contactId] of body.contactIds.entries()) {
    const contact = await requireReference(tx, contacts, contactId, `body.contactIds.${i}`, 'contact');
    customerId ??= contact.customerId;
  }
  const priority = priorityOf(body.impact, body.urgency);
  const policy = await selectPolicy(tx, hotline.id, body.type, priority);
  const { id: calendarId } = await resolveCalendar(tx, policy?.calendarId ?? null, hotline.id);
  const settings = await serviceSettingsOf(tx, hotline.id);
  const groupId = body.groupId ?? (await defaultGroup(tx, hotline.id));
  // A running number per tenant: serialise the few concurrent openings of one tenant.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('cases:' || current_setting('linia.tenant_id')))`);
  const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${cases.number}), 0) + 1` }).from(cases)) as [{ next: number }];
  const values: typeof cases.$inferInsert = {
    clientId: hotline.clientId, hotlineId: hotline.id, number: Number(next), type: body.type, customerId,
    contactIds: body.contactIds, subject: body.subject, description: body.description, impact: body.impact, urgency: body.urgency,
    priority, groupId, assigneeId: body.assigneeId ?? null, createdById: actor.id, createdAt: now, updatedAt: now,
    slaPolicyId: policy?.id ?? null, calendarId, responseMinutes: policy?.responseMinutes ?? null,
    resolutionMinutes: policy?.resolutionMinutes ?? null, warnPercent: policy?.warnPercent ?? 80,
    departmentId: body.departmentId ?? null,
    decisionDueAt: body.type === 'complaint' ? new Date(addCalendarDays(now.getTime(), settings.complaintDecisionDays, hotline.timeZone)) : null,
  };
  const [created] = await tx.insert(cases).values(values).returning();
  const { calendar } = await loadCase(tx, created!.id);
  const row = await save(tx, created!, {}, calendar, now);
  await recordEvent(tx, row.id, 'created', actor, { type: row.type, priority, groupId, policy: policy?.name ?? null }, now);
  await tellGroup(tx, outbox, actor.tenantId, groupId, 'case.assigned', { caseId: row.id, number: row.number, subject: row.subject });
  return { row, calendar };
}

/** The lowest-level line group serving the hotline (or every hotline): where a new case lands. */
async function defaultGroup(tx: Tx, hotlineId: string): Promise<string | null> {
  const groups = await tx.select().from(resolverGroups).where(eq(resolverGroups.kind, 'line'));
  const fit = groups.filter((g) => g.hotlineId === null || g.hotlineId === hotlineId).sort((a, b) => a.level - b.level || Number(b.hotlineId !== null) - Number(a.hotlineId !== null));
  return fit[0]?.id ?? null;
}

export async function patchCase(tx: Tx, actor: Actor, id: string, body: z.infer<typeof casePatch>, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  await checkPeople(tx, body);
  const changes: Partial<CaseRow> = {};
  for (const k of ['subject', 'description', 'impact', 'urgency', 'customerId', 'departmentId'] as const) {
    if (body[k] !== undefined && body[k] !== row[k]) Object.assign(changes, { [k]: body[k] });
  }
  if (Object.keys(changes).length === 0) return { row, calendar };
  // The SLA terms stay those promised when the case opened; a new priority is recorded on the timeline.
  const priority = priorityOf(changes.impact ?? row.impact, changes.urgency ?? row.urgency);
  if (priority !== row.priority) changes.priority = priority;
  const saved = await save(tx, row, changes, calendar, now);
  await recordEvent(tx, id, 'changed', actor, { fields: Object.keys(changes) }, now);
  return { row: saved, calendar };
}

/** Moves a case along its workflow; an illegal move is a 409 naming the statuses allowed instead. */
export async function changeStatus(tx: Tx, actor: Actor, id: string, to: CaseStatus, comment: string | undefined, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  const check = checkCaseTransition(row.type, row.status, to, factsOf(row));
  if (!check.ok) {
    const allowed = check.allowed.join(', ') || 'none';
    const why = check.reason === 'requirements' ? `${to} needs ${check.missing.join(' and ')} first` : `${row.status} → ${to} is not allowed`;
    throw new HttpProblem(409, `${why}; allowed: ${allowed}`, [{ field: 'body.status', message: `allowed: ${allowed}` }]);
  }
  const at = now.getTime();
  let pauses: SlaPause[] = row.pauses.map((p) => (p.to === null && !isPausing(row.type, to) ? { ...p, to: at } : p));
  if (isPausing(row.type, to) && !pauses.some((p) => p.to === null)) pauses = [...pauses, { from: at, to: null }];
  const changes: Partial<CaseRow> = { status: to, pauses, open: isOpenStatus(to) };
  if (row.status === 'new' && !row.respondedAt) changes.respondedAt = now;
  if (to === 'resolved') changes.resolvedAt = now;
  if (to === 'closed') changes.closedAt = now;
  if (!isOpenStatus(row.status) && isOpenStatus(to)) Object.assign(changes, { resolvedAt: null, closedAt: null });
  const saved = await save(tx, row, changes, calendar, now);
  await recordEvent(tx, id, 'status', actor, { from: row.status, to, ...(comment ? { comment } : {}) }, now);
  return { row: saved, calendar };
}

export async function addComment(tx: Tx, actor: Actor, id: string, text: string, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  // A person writing on the case is its first response.
  const saved = row.respondedAt || !actor.id ? row : await save(tx, row, { respondedAt: now }, calendar, now);
  if (saved === row) await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, id));
  await recordEvent(tx, id, 'comment', actor, { text }, now);
  return { row: saved, calendar };
}

export async function assignCase(tx: Tx, actor: Actor, id: string, body: { groupId?: string | null; assigneeId?: string | null }, now: Date, outbox: Outbox) {
  const { row, calendar } = await loadCase(tx, id);
  await checkPeople(tx, body);
  const changes: Partial<CaseRow> = {};
  if (body.groupId !== undefined) changes.groupId = body.groupId;
  if (body.assigneeId !== undefined) changes.assigneeId = body.assigneeId;
  const saved = await save(tx, row, changes, calendar, now);
  await recordEvent(tx, id, 'assigned', actor, { groupId: saved.groupId, assigneeId: saved.assigneeId }, now);
  if (changes.groupId && changes.groupId !== row.groupId) {
    await tellGroup(tx, outbox, actor.tenantId, changes.groupId, 'case.assigned', { caseId: id, number: row.number, subject: row.subject });
  }
  if (changes.assigneeId) outbox.push(envelope(actor.tenantId, `user:${changes.assigneeId}`, 'case.assigned', { caseId: id, number: row.number, subject: row.subject }));
  return { row: saved, calendar };
}

/**
 * Hands the case up a line ("atypical question → higher qualification"): to the group named or the
 * current group's escalation target, unassigned, so the new group picks who takes it.
 */
export async function escalateCase(
  tx: Tx, actor: Actor, id: string, body: { reason: string; groupId?: string }, now: Date, outbox: Outbox, automatic = false,
) {
  const { row, calendar } = await loadCase(tx, id);
  if (!row.open) throw conflict('status', `a ${row.status} case is not escalated`);
  let target = body.groupId ?? null;
  if (target) await requireReference(tx, resolverGroups, target, 'body.groupId', 'resolver group');
  else if (row.groupId) {
    const [g] = await tx.select().from(resolverGroups).where(eq(resolverGroups.id, row.groupId));
    target = g?.escalateToId ?? null;
  }
  if (!target) throw conflict('body.groupId', 'the case\'s group has no escalation target; name a group');
  const changes: Partial<CaseRow> = { groupId: target, assigneeId: null, escalationLevel: row.escalationLevel + 1 };
  if (!automatic && !row.respondedAt && actor.id) changes.respondedAt = now;
  const saved = await save(tx, row, changes, calendar, now);
  await recordEvent(tx, id, 'escalated', actor, { fromGroupId: row.groupId, toGroupId: target, reason: body.reason, automatic }, now);
  await tellGroup(tx, outbox, actor.tenantId, target, 'case.escalated', { caseId: id, number: row.number, subject: row.subject, reason: body.reason });
  return { row: saved, calendar };
}

/** A complaint's decision (by the responsible department). */
export async function recordDecision(tx: Tx, actor: Actor, id: string, body: { decision: string; departmentId?: string }, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  if (row.type !== 'complaint') throw conflict('type', 'only a complaint has a decision');
  if (!row.open) throw conflict('status', `a ${row.status} complaint is not decided again`);
  await checkPeople(tx, { departmentId: body.departmentId });
  const saved = await save(tx, row, { decision: body.decision, decisionAt: now, departmentId: body.departmentId ?? row.departmentId }, calendar, now);
  await recordEvent(tx, id, 'decision', actor, { decision: body.decision, late: row.decisionDueAt !== null && now > row.decisionDueAt }, now);
  return { row: saved, calendar };
}

/** The answer sent to the customer about a complaint: after the decision, on a named channel. */
export async function recordAnswer(tx: Tx, actor: Actor, id: string, body: { answer: string; channel: string }, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  if (row.type !== 'complaint') throw conflict('type', 'only a complaint has a recorded answer');
  if (row.decision === null) throw conflict('decision', 'record the decision before the answer');
  const saved = await save(tx, row, { answer: body.answer, answerChannel: body.channel, answerSentAt: now }, calendar, now);
  await recordEvent(tx, id, 'answer', actor, { answer: body.answer, channel: body.channel }, now);
  return { row: saved, calendar };
}

export async function linkContact(tx: Tx, actor: Actor, id: string, contactId: string, now: Date) {
  const { row, calendar } = await loadCase(tx, id);
  const contact = await requireReference(tx, contacts, contactId, 'body.contactId', 'contact');
  if (row.contactIds.includes(contactId)) return { row, calendar };
  const saved = await save(tx, row, { contactIds: [...row.contactIds, contactId], customerId: row.customerId ?? contact.customerId }, calendar, now);
  await recordEvent(tx, id, 'contact_linked', actor, { contactId }, now);
  return { row: saved, calendar };
}

/** Groups the user belongs to (the "my group" filter). */
export function groupsOfUser(tx: Tx, userId: string) {
  return tx.select({ groupId: resolverGroupMembers.groupId }).from(resolverGroupMembers).where(eq(resolverGroupMembers.userId, userId));
}

