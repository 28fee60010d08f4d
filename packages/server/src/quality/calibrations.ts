import { and, desc, eq, inArray } from 'drizzle-orm';
import { calibrateQualitySession, can, checkQualityAnswers, isRole, summariseQualityEvaluators, type QualityCalibrationSession } from '@linia/engine';
import type { z } from 'zod';
import type { Tx } from '../db/index.ts';
import type { Principal } from '../auth/principal.ts';
import { requireReference } from '../http/crud.ts';
import { HttpProblem, badField, conflict, notFound } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import type { calibrationCreate, calibrationDetail, calibrationOut, evaluatorSummaryOut } from './contracts.ts';
import { engineCard, publishedVersion, refuseIssues, requireVersion, toVersionOut } from './scorecards.ts';
import { qualityCalibrationScores, qualityCalibrations } from './schema.ts';

type Calibration = typeof qualityCalibrations.$inferSelect;
type Score = typeof qualityCalibrationScores.$inferSelect;

/** Who sees a session: its lead, its evaluators and quality managers. */
const mayView = (me: Principal, c: Calibration) => c.leadId === me.id || c.evaluatorIds.includes(me.id) || can(me.role, 'quality.manage');
const mayLead = (me: Principal, c: Calibration) => c.leadId === me.id || can(me.role, 'quality.manage');

async function requireCalibration(tx: Tx, me: Principal, id: string): Promise<Calibration> {
  const [c] = await tx.select().from(qualityCalibrations).where(eq(qualityCalibrations.id, id));
  if (!c || !mayView(me, c)) throw notFound('Calibration session');
  return c;
}

const scoresOf = (tx: Tx, id: string) => tx.select().from(qualityCalibrationScores).where(eq(qualityCalibrationScores.calibrationId, id));

function toOut(c: Calibration, scores: Score[], me: Principal): z.infer<typeof calibrationOut> {
  return {
    id: c.id, title: c.title, contactId: c.contactId, versionId: c.versionId, leadId: c.leadId, evaluatorIds: c.evaluatorIds, status: c.status,
    createdAt: c.createdAt.toISOString(), revealedAt: c.revealedAt?.toISOString() ?? null,
    submitted: scores.map((s) => s.evaluatorId), myAnswers: scores.find((s) => s.evaluatorId === me.id)?.answers ?? null,
  };
}

export async function createCalibration(tx: Tx, me: Principal, body: z.infer<typeof calibrationCreate>) {
  await requireReference(tx, contacts, body.contactId, 'body.contactId', 'contact');
  const version = await publishedVersion(tx, body.scorecardId, 'body.scorecardId');
  for (const [i, id] of body.evaluatorIds.entries()) {
    const u = await requireReference(tx, users, id, `body.evaluatorIds.${i}`, 'user');
    if (!isRole(u.role) || !can(u.role, 'quality.evaluate')) throw badField(`body.evaluatorIds.${i}`, 'this user may not evaluate (quality.evaluate)');
  }
  if (new Set(body.evaluatorIds).size !== body.evaluatorIds.length) throw badField('body.evaluatorIds', 'an evaluator is listed twice');
  const [c] = await tx.insert(qualityCalibrations).values({ title: body.title, contactId: body.contactId, versionId: version.id, leadId: me.id, evaluatorIds: body.evaluatorIds }).returning();
  return toOut(c!, [], me);
}

export async function listCalibrations(tx: Tx, me: Principal) {
  const all = await tx.select().from(qualityCalibrations).orderBy(desc(qualityCalibrations.createdAt)).limit(500);
  const mine = all.filter((c) => mayView(me, c));
  const scores = mine.length ? await tx.select().from(qualityCalibrationScores).where(inArray(qualityCalibrationScores.calibrationId, mine.map((c) => c.id))) : [];
  return mine.map((c) => toOut(c, scores.filter((s) => s.calibrationId === c.id), me));
}

/** An evaluator's blind answers; changeable until the lead reveals. */
export async function scoreCalibration(tx: Tx, me: Principal, id: string, answers: Record<string, number | 'na'>) {
  const c = await requireCalibration(tx, me, id);
  if (!c.evaluatorIds.includes(me.id)) throw new HttpProblem(403, 'You are not an evaluator of this session');
  if (c.status !== 'open') throw conflict('status', 'the session is already revealed');
  const version = await requireVersion(tx, c.versionId);
  refuseIssues(checkQualityAnswers(engineCard(version), answers), 'body');
  await tx.delete(qualityCalibrationScores).where(and(eq(qualityCalibrationScores.calibrationId, id), eq(qualityCalibrationScores.evaluatorId, me.id)));
  await tx.insert(qualityCalibrationScores).values({ calibrationId: id, evaluatorId: me.id, answers });
}

export async function revealCalibration(tx: Tx, me: Principal, id: string, reference: Record<string, number | 'na'> | undefined) {
  const c = await requireCalibration(tx, me, id);
  if (!mayLead(me, c)) throw new HttpProblem(403, 'Only the session lead reveals');
  if (c.status !== 'open') throw conflict('status', 'the session is already revealed');
  const version = await requireVersion(tx, c.versionId);
  if (reference) refuseIssues(checkQualityAnswers(engineCard(version), reference).map((i) => ({ ...i, path: i.path.replace(/^answers/, 'reference') })), 'body');
  if ((await scoresOf(tx, id)).length < 2) throw conflict('status', 'at least two evaluators must score before the reveal');
  await tx.update(qualityCalibrations).set({ status: 'revealed', reference: reference ?? null, revealedAt: new Date() }).where(eq(qualityCalibrations.id, id));
}

function sessionOf(c: Calibration, version: Awaited<ReturnType<typeof requireVersion>>, scores: Score[]): QualityCalibrationSession {
  return { id: c.id, card: engineCard(version), scores: scores.map((s) => ({ evaluatorId: s.evaluatorId, answers: s.answers })), ...(c.reference ? { reference: c.reference } : {}) };
}

/** The session; before the reveal nobody sees the others' answers (blind), after it the engine's comparison. */
export async function calibrationDetailOf(tx: Tx, me: Principal, id: string): Promise<z.infer<typeof calibrationDetail>> {
  const c = await requireCalibration(tx, me, id);
  const version = await requireVersion(tx, c.versionId);
  const scores = await scoresOf(tx, id);
  let result: z.infer<typeof calibrationDetail>['result'] = null;
  if (c.status === 'revealed') {
    const r = calibrateQualitySession(sessionOf(c, version, scores));
    const people = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
    const reference = Object.fromEntries(r.criteria.filter((x) => x.reference !== undefined).map((x) => [x.criterionId, x.reference!]));
    result = {
      referenceScore: r.referenceScore, reference, kappa: r.kappa,
      criteria: r.criteria.map(({ criterionId, agreeShare, pairAgreement, distribution }) => ({ criterionId, agreeShare, pairAgreement, distribution })),
      evaluators: r.evaluators.map((e) => ({ ...e, name: people.get(e.evaluatorId) ?? e.evaluatorId, answers: scores.find((s) => s.evaluatorId === e.evaluatorId)!.answers })),
    };
  }
  return { ...toOut(c, scores, me), scorecard: toVersionOut(version), result };
}

/** Each evaluator over all revealed sessions: mean absolute deviation, bias, criteria agreement. */
export async function evaluatorSummary(tx: Tx): Promise<z.infer<typeof evaluatorSummaryOut>> {
  const revealed = await tx.select().from(qualityCalibrations).where(eq(qualityCalibrations.status, 'revealed'));
  const results = [];
  for (const c of revealed) results.push(calibrateQualitySession(sessionOf(c, await requireVersion(tx, c.versionId), await scoresOf(tx, c.id))));
  const people = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
  return { items: summariseQualityEvaluators(results).map((s) => ({ ...s, name: people.get(s.evaluatorId) ?? s.evaluatorId })) };
}
