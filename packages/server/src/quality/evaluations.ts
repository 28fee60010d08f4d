import { aliasedTable, and, asc, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import { can, checkQualityAnswers, compileQualityAutoChecks, scoreQualityEvaluation, type QualityAnswers } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import type { Principal } from '../auth/principal.ts';
import { afterCursor, toPage } from '../http/pagination.ts';
import { HttpProblem, badField, conflict, notFound } from '../http/problem.ts';
import { contactMessages, contacts } from '../contacts/schema.ts';
import { customers } from '../customers/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import type { disputeCreate, disputeOut, disputeResolve, evaluationOut, evaluationQuery, evaluationSave, historyOut, workspaceOut } from './contracts.ts';
import { engineCard, refuseIssues, requireVersion, toVersionOut } from './scorecards.ts';
import { groupsLedBy } from './groups.ts';
import { countInRollups } from './rollups.ts';
import { coversEvaluation, evaluationInScope, qualityScopeOf } from './scope.ts';
import { errorColumns, errorCounts, qualityDisputes, qualityEvaluationHistory, qualityEvaluations, qualityScorecardVersions } from './schema.ts';

type Evaluation = typeof qualityEvaluations.$inferSelect;
type Dispute = typeof qualityDisputes.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const agents = aliasedTable(users, 'agents');
const evaluators = aliasedTable(users, 'evaluators');

/** Statuses in which the agent sees the evaluation (after submission). */
const VISIBLE_TO_AGENT = ['submitted', 'acknowledged', 'disputed', 'resolved'] as const;
const OPEN = ['assigned', 'draft'] as const;

function rows(tx: Tx) {
  return tx
    .select({ e: qualityEvaluations, v: { scorecardId: qualityScorecardVersions.scorecardId, title: qualityScorecardVersions.title, version: qualityScorecardVersions.version }, channel: contacts.channel, subject: contacts.subject, agentName: agents.name, evaluatorName: evaluators.name })
    .from(qualityEvaluations)
    .innerJoin(qualityScorecardVersions, eq(qualityScorecardVersions.id, qualityEvaluations.versionId))
    .innerJoin(contacts, eq(contacts.id, qualityEvaluations.contactId))
    .leftJoin(agents, eq(agents.id, qualityEvaluations.agentId))
    .leftJoin(evaluators, eq(evaluators.id, qualityEvaluations.evaluatorId));
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['where']>>[number];

const toOut = ({ e, v, channel, subject, agentName, evaluatorName }: Row): z.infer<typeof evaluationOut> => ({
  id: e.id, contactId: e.contactId, versionId: e.versionId, scorecardId: v.scorecardId, scorecardTitle: v.title, version: v.version, planId: e.planId,
  hotlineId: e.hotlineId, agentId: e.agentId, agentName, groupId: e.groupId, evaluatorId: e.evaluatorId, evaluatorName, status: e.status,
  dueAt: iso(e.dueAt), contactAt: e.contactAt.toISOString(), channel, subject, answers: { ...e.answers }, comments: e.comments, notes: e.notes,
  recordingRef: e.recordingRef, feedback: e.feedback, score: e.score, errors: errorCounts(e), submittedAt: iso(e.submittedAt), acknowledgedAt: iso(e.acknowledgedAt),
  createdAt: e.createdAt.toISOString(),
});

export async function listEvaluations(tx: Tx, me: Principal, q: z.infer<typeof evaluationQuery> & { limit: number; cursor?: string }, onlyAgent?: string) {
  const filters: (SQL | undefined)[] = [
    q.status ? eq(qualityEvaluations.status, q.status) : undefined,
    q.evaluatorId ? eq(qualityEvaluations.evaluatorId, q.evaluatorId) : undefined,
    q.mine ? eq(qualityEvaluations.evaluatorId, me.id) : undefined,
    q.agentId ? eq(qualityEvaluations.agentId, q.agentId) : undefined,
    onlyAgent ? and(eq(qualityEvaluations.agentId, onlyAgent), inArray(qualityEvaluations.status, [...VISIBLE_TO_AGENT])) : evaluationInScope(await qualityScopeOf(tx, me)),
    afterCursor([qualityEvaluations.createdAt, qualityEvaluations.id], q.cursor),
  ];
  const found = await rows(tx).where(and(...filters)).orderBy(desc(qualityEvaluations.createdAt), desc(qualityEvaluations.id)).limit(q.limit + 1);
  return toPage(found, q.limit, (r) => [r.e.createdAt.toISOString(), r.e.id], toOut);
}

/**
 * One evaluation as the caller may see it: quality staff (quality.use) within their scope (a
 * group lead: their groups' and their own assignments, scope.ts); the agent sees their own once
 * submitted; anyone else gets 404, as if it did not exist.
 */
async function visible(tx: Tx, me: Principal, id: string): Promise<Row> {
  const [row] = await rows(tx).where(eq(qualityEvaluations.id, id));
  if (!row) throw notFound('Evaluation');
  if (can(me.role, 'quality.use') && coversEvaluation(await qualityScopeOf(tx, me), row.e)) return row;
  if (row.e.agentId === me.id && (VISIBLE_TO_AGENT as readonly string[]).includes(row.e.status)) return row;
  throw notFound('Evaluation');
}

async function history(tx: Tx, evaluationId: string): Promise<z.infer<typeof historyOut>[]> {
  const found = await tx
    .select({ h: qualityEvaluationHistory, name: users.name })
    .from(qualityEvaluationHistory)
    .leftJoin(users, eq(users.id, qualityEvaluationHistory.actorId))
    .where(eq(qualityEvaluationHistory.evaluationId, evaluationId))
    .orderBy(asc(qualityEvaluationHistory.createdAt));
  return found.map(({ h, name }) => ({ id: h.id, actorId: h.actorId, actorName: name, action: h.action, reason: h.reason, details: h.details, createdAt: h.createdAt.toISOString() }));
}

const record = (tx: Tx, evaluationId: string, actorId: string, action: string, reason: string | null, details: Record<string, unknown> | null = null) =>
  tx.insert(qualityEvaluationHistory).values({ evaluationId, actorId, action, reason, details });

export const toDisputeOut = (d: Dispute): z.infer<typeof disputeOut> => ({
  id: d.id, evaluationId: d.evaluationId, criterionId: d.criterionId, comment: d.comment, status: d.status, authorId: d.authorId,
  resolution: d.resolution, resolvedBy: d.resolvedBy, resolvedAt: iso(d.resolvedAt), createdAt: d.createdAt.toISOString(),
});

/** The evaluation workspace: the contact, its transcript, the scorecard, automatic suggestions, the score so far. */
export async function workspace(tx: Tx, me: Principal, id: string): Promise<z.infer<typeof workspaceOut>> {
  const row = await visible(tx, me, id);
  const version = await requireVersion(tx, row.e.versionId);
  const [c] = await tx
    .select({ c: contacts, hotlineName: hotlines.name, customerName: customers.name })
    .from(contacts)
    .innerJoin(hotlines, eq(hotlines.id, contacts.hotlineId))
    .leftJoin(customers, eq(customers.id, contacts.customerId))
    .where(eq(contacts.id, row.e.contactId));
  const messages = await tx.select().from(contactMessages).where(eq(contactMessages.contactId, row.e.contactId)).orderBy(asc(contactMessages.createdAt));
  const card = engineCard(version);
  const compiled = compileQualityAutoChecks(version.autoRules, card);
  const auto = compiled.ok
    ? compiled.checker.run({ messages: messages.map((m) => ({ author: m.author, at: m.createdAt.getTime(), text: m.body })), scriptFields: c!.c.customFields })
    : { suggestions: [], score: null };
  const scored = Object.keys(row.e.answers).length ? scoreQualityEvaluation(card, row.e.answers) : null;
  const disputes = await tx.select().from(qualityDisputes).where(eq(qualityDisputes.evaluationId, id)).orderBy(asc(qualityDisputes.createdAt));
  const contact = c!.c;
  return {
    evaluation: toOut(row),
    scorecard: toVersionOut(version),
    contact: {
      id: contact.id, channel: contact.channel, subject: contact.subject, status: contact.status, hotlineName: c!.hotlineName, topicId: contact.topicId,
      outcome: contact.outcome, customFields: contact.customFields, notes: contact.notes, createdAt: contact.createdAt.toISOString(),
      answeredAt: iso(contact.answeredAt), endedAt: iso(contact.endedAt), customerName: c!.customerName,
    },
    messages: messages.map((m) => ({ author: m.author, authorName: m.authorName, body: m.body, createdAt: m.createdAt.toISOString() })),
    auto,
    result: scored && { score: scored.score, rawScore: scored.rawScore, sections: scored.sections.map((s) => ({ sectionId: s.sectionId, score: s.score, zeroed: s.zeroed })), errors: scored.errors },
    disputes: disputes.map(toDisputeOut),
    history: await history(tx, id),
  };
}

/** Only the assigned evaluator works on an evaluation (or a quality manager, e.g. reassigning work). */
async function editable(tx: Tx, me: Principal, id: string): Promise<Row> {
  const row = await visible(tx, me, id);
  if (row.e.evaluatorId !== me.id && !can(me.role, 'quality.manage')) throw new HttpProblem(403, 'This evaluation is assigned to someone else');
  if (!(OPEN as readonly string[]).includes(row.e.status)) throw conflict('status', `the evaluation is ${row.e.status}; submitted evaluations change only through disputes`);
  return row;
}

/** Saves a draft: answers are checked against the scale, but unanswered criteria are allowed. */
export async function saveDraft(tx: Tx, me: Principal, id: string, body: z.infer<typeof evaluationSave>) {
  const row = await editable(tx, me, id);
  const version = await requireVersion(tx, row.e.versionId);
  if (body.answers) refuseIssues(checkQualityAnswers(engineCard(version), body.answers).filter((i) => i.message !== 'not answered'), 'body');
  const now = new Date().toISOString();
  await tx.update(qualityEvaluations).set({
    status: 'draft',
    evaluatorId: row.e.evaluatorId ?? me.id,
    ...(body.answers ? { answers: body.answers } : {}),
    ...(body.comments ? { comments: body.comments } : {}),
    ...(body.notes ? { notes: body.notes.map((n) => ({ ...n, authorId: me.id, at: now })) } : {}),
    ...(body.recordingRef !== undefined ? { recordingRef: body.recordingRef } : {}),
    ...(body.feedback !== undefined ? { feedback: body.feedback } : {}),
  }).where(eq(qualityEvaluations.id, id));
}

function scoreColumns(answers: QualityAnswers, version: Awaited<ReturnType<typeof requireVersion>>) {
  const r = scoreQualityEvaluation(engineCard(version), answers);
  return { score: r.score, rawScore: r.rawScore, ...errorColumns(r.errors), criteria: r.criteria };
}

/** Submits: every criterion answered, the score computed by the engine; the agent sees it from now on. */
export async function submit(tx: Tx, me: Principal, id: string, body: z.infer<typeof evaluationSave>) {
  await saveDraft(tx, me, id, body);
  const [e] = await tx.select().from(qualityEvaluations).where(eq(qualityEvaluations.id, id));
  const version = await requireVersion(tx, e!.versionId);
  refuseIssues(checkQualityAnswers(engineCard(version), e!.answers), 'body');
  const scored = scoreColumns(e!.answers, version);
  await tx.update(qualityEvaluations).set({ status: 'submitted', submittedAt: new Date(), ...scored }).where(eq(qualityEvaluations.id, id));
  await countInRollups(tx, id, 1);
  await record(tx, id, me.id, 'submitted', null, { score: scored.score });
}

/** Written feedback to the agent (and so their lead); changes after submission are kept in the history. */
export async function giveFeedback(tx: Tx, me: Principal, id: string, feedback: string) {
  const row = await visible(tx, me, id);
  if (row.e.evaluatorId !== me.id && !can(me.role, 'quality.manage')) throw new HttpProblem(403, 'Only the evaluator gives feedback');
  await tx.update(qualityEvaluations).set({ feedback }).where(eq(qualityEvaluations.id, id));
  await record(tx, id, me.id, 'feedback', feedback);
}

async function ownSubmitted(tx: Tx, me: Principal, id: string): Promise<Evaluation> {
  const [e] = await tx.select().from(qualityEvaluations).where(eq(qualityEvaluations.id, id));
  if (!e || e.agentId !== me.id || !(VISIBLE_TO_AGENT as readonly string[]).includes(e.status)) throw notFound('Evaluation');
  return e;
}

export async function acknowledge(tx: Tx, me: Principal, id: string) {
  const e = await ownSubmitted(tx, me, id);
  if (e.acknowledgedAt) throw conflict('status', 'already acknowledged');
  await tx.update(qualityEvaluations).set({ acknowledgedAt: new Date(), ...(e.status === 'submitted' ? { status: 'acknowledged' as const } : {}) }).where(eq(qualityEvaluations.id, id));
  await record(tx, id, me.id, 'acknowledged', null);
}

/** The agent contests one criterion; one open dispute per criterion. */
export async function openDispute(tx: Tx, me: Principal, id: string, body: z.infer<typeof disputeCreate>) {
  const e = await ownSubmitted(tx, me, id);
  const version = await requireVersion(tx, e.versionId);
  if (!version.sections.some((s) => s.criteria.some((c) => c.id === body.criterionId))) throw badField('body.criterionId', 'no such criterion in this evaluation');
  const [dup] = await tx.select().from(qualityDisputes).where(and(eq(qualityDisputes.evaluationId, id), eq(qualityDisputes.criterionId, body.criterionId), eq(qualityDisputes.status, 'open')));
  if (dup) throw conflict('body.criterionId', 'this criterion is already disputed');
  const [d] = await tx.insert(qualityDisputes).values({ evaluationId: id, criterionId: body.criterionId, comment: body.comment, authorId: me.id }).returning();
  await tx.update(qualityEvaluations).set({ status: 'disputed' }).where(eq(qualityEvaluations.id, id));
  await record(tx, id, me.id, 'disputed', body.comment, { criterionId: body.criterionId, answer: e.answers[body.criterionId] ?? null });
  return toDisputeOut(d!);
}

/**
 * Who may settle a dispute: quality.resolve, never on an evaluation one made oneself, and a
 * group lead only for the groups they lead (`led`).
 */
function mayResolve(me: Principal, e: Evaluation, led: readonly string[]): boolean {
  if (!can(me.role, 'quality.resolve') || e.evaluatorId === me.id) return false;
  if (me.role !== 'group_lead') return true;
  return e.groupId !== null && led.includes(e.groupId);
}

export async function listDisputes(tx: Tx, me: Principal, status: 'open' | 'accepted' | 'rejected' | undefined) {
  const found = await tx
    .select({ d: qualityDisputes, e: qualityEvaluations, agentName: users.name })
    .from(qualityDisputes)
    .innerJoin(qualityEvaluations, eq(qualityEvaluations.id, qualityDisputes.evaluationId))
    .leftJoin(users, eq(users.id, qualityEvaluations.agentId))
    .where(status ? eq(qualityDisputes.status, status) : undefined)
    .orderBy(desc(qualityDisputes.createdAt))
    .limit(500);
  const led = await groupsLedBy(tx, me.id);
  return found.filter((f) => mayResolve(me, f.e, led)).map((f) => ({ ...toDisputeOut(f.d), agentName: f.agentName, score: f.e.score }));
}

/** Accept (the criterion gets the new value and the score is recomputed) or reject, with a reason. */
export async function resolveDispute(tx: Tx, me: Principal, disputeId: string, body: z.infer<typeof disputeResolve>) {
  const [d] = await tx.select().from(qualityDisputes).where(eq(qualityDisputes.id, disputeId));
  if (!d) throw notFound('Dispute');
  const [e] = await tx.select().from(qualityEvaluations).where(eq(qualityEvaluations.id, d.evaluationId));
  if (!mayResolve(me, e!, await groupsLedBy(tx, me.id))) throw new HttpProblem(403, 'You may not resolve disputes of this evaluation');
  if (d.status !== 'open') throw conflict('status', `the dispute is already ${d.status}`);
  const details: Record<string, unknown> = { criterionId: d.criterionId, decision: body.decision, scoreBefore: e!.score };
  if (body.decision === 'accept') {
    if (body.value === undefined) throw badField('body.value', 'accepting a dispute needs the criterion\'s new answer');
    const version = await requireVersion(tx, e!.versionId);
    const answers = { ...e!.answers, [d.criterionId]: body.value };
    refuseIssues(checkQualityAnswers(engineCard(version), answers).map((i) => (i.path === `answers.${d.criterionId}` ? { ...i, path: 'value' } : i)), 'body');
    const scored = scoreColumns(answers, version);
    // The report rollups swap the old contribution for the new one in this transaction.
    await countInRollups(tx, e!.id, -1);
    await tx.update(qualityEvaluations).set({ answers, ...scored }).where(eq(qualityEvaluations.id, e!.id));
    await countInRollups(tx, e!.id, 1);
    Object.assign(details, { answerBefore: e!.answers[d.criterionId] ?? null, answerAfter: body.value, scoreAfter: scored.score });
  }
  await tx.update(qualityDisputes).set({ status: body.decision === 'accept' ? 'accepted' : 'rejected', resolution: body.reason, resolvedBy: me.id, resolvedAt: new Date() }).where(eq(qualityDisputes.id, disputeId));
  const [stillOpen] = await tx.select().from(qualityDisputes).where(and(eq(qualityDisputes.evaluationId, e!.id), eq(qualityDisputes.status, 'open')));
  if (!stillOpen) await tx.update(qualityEvaluations).set({ status: 'resolved' }).where(eq(qualityEvaluations.id, e!.id));
  await record(tx, e!.id, me.id, body.decision === 'accept' ? 'dispute accepted' : 'dispute rejected', body.reason, details);
  return workspace(tx, me, e!.id);
}

/** Submitted evaluations for reports (drafts and assignments never count). */
export const reportable = notInArray(qualityEvaluations.status, [...OPEN]);
