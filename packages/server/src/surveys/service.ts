import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { aggregateSatisfaction, checkSurveyAnswer, csatSummary, npsSummary, satisfactionFollowUp } from '@linia/engine';
import type { z } from 'zod';
import { asSystem, withTenant, type Database, type Tx } from '../db/index.ts';
import type { Principal } from '../auth/principal.ts';
import { requireReference } from '../http/crud.ts';
import { HttpProblem, conflict, notFound } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { qualityGroups } from '../quality/schema.ts';
import type { publicAnswer, publicSurvey, reportOut, reportQuery, settingsIn, settingsOut } from './contracts.ts';
import { surveyFollowUps, surveySettings, surveys } from './schema.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
type Settings = typeof surveySettings.$inferSelect;

export const toSettingsOut = (s: Settings): z.infer<typeof settingsOut> => ({
  id: s.id, hotlineId: s.hotlineId, kind: s.kind, question: s.question, allowComment: s.allowComment, expiryHours: s.expiryHours, lowScoreAtOrBelow: s.lowScoreAtOrBelow, active: s.active,
});

/** One settings row per hotline: saving again replaces it. */
export async function saveSettings(tx: Tx, body: z.infer<typeof settingsIn>) {
  await requireReference(tx, hotlines, body.hotlineId, 'body.hotlineId', 'hotline');
  const values = { ...body, lowScoreAtOrBelow: body.lowScoreAtOrBelow ?? null };
  const [row] = await tx.insert(surveySettings).values(values).onConflictDoUpdate({ target: [surveySettings.tenantId, surveySettings.hotlineId], set: values }).returning();
  return toSettingsOut(row!);
}

/**
 * Sends (creates) the survey of a contact: the hotline's question, a random link token valid for
 * the configured hours. One survey per contact; the link is what the chat shows when it ends or
 * what an e-mail carries.
 */
export async function createSurvey(tx: Tx, contactId: string, now: Date) {
  const contact = await requireReference(tx, contacts, contactId, 'body.contactId', 'contact');
  const [settings] = await tx.select().from(surveySettings).where(and(eq(surveySettings.hotlineId, contact.hotlineId), eq(surveySettings.active, true)));
  if (!settings) throw conflict('body.contactId', 'the contact\'s hotline has no active survey');
  const [existing] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.contactId, contactId));
  if (existing) throw conflict('body.contactId', 'a survey was already sent for this contact');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.expiryHours * 3_600_000);
  const [s] = await tx.insert(surveys).values({
    contactId, hotlineId: contact.hotlineId, agentId: contact.agentId, topicId: contact.topicId, kind: settings.kind, question: settings.question,
    allowComment: settings.allowComment, tokenHash: hash(token), expiresAt,
  }).returning();
  return { id: s!.id, token, url: `/survey/${token}`, expiresAt: expiresAt.toISOString() };
}

/** The survey behind a link, in its tenant's transaction (the link names no tenant). */
async function inSurveyTenant<T>(db: Database, token: string, work: (tx: Tx, s: typeof surveys.$inferSelect) => Promise<T>): Promise<T> {
  const [found] = await asSystem(db, (tx) => tx.select({ id: surveys.id, tenantId: surveys.tenantId }).from(surveys).where(eq(surveys.tokenHash, hash(token))));
  if (!found) throw notFound('Survey');
  return withTenant(db, { tenantId: found.tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'survey link' } }, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, found.id));
    return work(tx, s!);
  });
}

export function readPublic(db: Database, token: string, now: Date): Promise<z.infer<typeof publicSurvey>> {
  return inSurveyTenant(db, token, async (tx, s) => {
    const [h] = await tx.select({ name: hotlines.name }).from(hotlines).where(eq(hotlines.id, s.hotlineId));
    const status = s.answeredAt ? 'answered' : now > s.expiresAt ? 'expired' : 'open';
    return { kind: s.kind, question: s.question, allowComment: s.allowComment, hotlineName: h?.name ?? '', status };
  });
}

/**
 * Stores the customer's answer on the survey (engine: checkSurveyAnswer refuses a second answer,
 * an expired link, a score off the scale). A low score opens a follow-up for the lead of the
 * agent's group, due per the engine's rule.
 */
export function answerPublic(db: Database, token: string, body: z.infer<typeof publicAnswer>, now: Date) {
  return inSurveyTenant(db, token, async (tx, s) => {
    const issues = checkSurveyAnswer({ kind: s.kind, score: body.score, now: now.getTime(), expiresAt: s.expiresAt.getTime(), alreadyAnswered: s.answeredAt !== null });
    const gone = issues.find((i) => i.path === 'survey');
    if (gone) throw new HttpProblem(409, gone.message, [{ field: 'survey', message: gone.message }]);
    if (issues.length) throw new HttpProblem(400, `body.score: ${issues[0]!.message}`, [{ field: 'body.score', message: issues[0]!.message }]);
    const comment = s.allowComment ? (body.comment || null) : null;
    await tx.update(surveys).set({ score: body.score, comment, answeredAt: now }).where(eq(surveys.id, s.id));
    const [settings] = await tx.select().from(surveySettings).where(eq(surveySettings.hotlineId, s.hotlineId));
    const limit = settings?.lowScoreAtOrBelow ?? undefined;
    const followUp = satisfactionFollowUp({ kind: s.kind, score: body.score, answeredAt: now.getTime() }, s.kind === 'csat' ? { csatAtOrBelow: limit } : { npsAtOrBelow: limit });
    if (followUp) {
      const group = s.agentId ? (await tx.select().from(qualityGroups)).find((g) => g.memberIds.includes(s.agentId!)) : undefined;
      await tx.insert(surveyFollowUps).values({ surveyId: s.id, contactId: s.contactId, leadId: group?.leadId ?? null, reason: followUp.reason, dueAt: new Date(followUp.dueAt) });
    }
    return { ok: true as const };
  });
}

/** CSAT (share of 4–5) and NPS (% 9–10 − % 0–6) per agent, hotline or topic over answered surveys. */
export async function satisfactionReport(tx: Tx, q: z.infer<typeof reportQuery>): Promise<z.infer<typeof reportOut>> {
  const rows = await tx.select().from(surveys).where(and(isNotNull(surveys.answeredAt), q.from ? gte(surveys.answeredAt, new Date(q.from)) : undefined, q.to ? lt(surveys.answeredAt, new Date(q.to)) : undefined));
  const answers = rows.map((r) => ({ kind: r.kind, score: r.score!, agentId: r.agentId, hotlineId: r.hotlineId, topicId: r.topicId, answeredAt: r.answeredAt!.getTime() }));
  const names = new Map<string, string>([
    ...(await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name] as const),
    ...(await tx.select({ id: hotlines.id, name: hotlines.name }).from(hotlines)).map((h) => [h.id, h.name] as const),
  ]);
  return {
    rows: aggregateSatisfaction(answers, q.by).map((r) => ({ ...r, name: names.get(r.key) ?? r.key })),
    total: { csat: csatSummary(answers.filter((a) => a.kind === 'csat').map((a) => a.score)), nps: npsSummary(answers.filter((a) => a.kind === 'nps').map((a) => a.score)) },
  };
}

/** Follow-ups: a group lead sees those addressed to them; quality staff see all. */
export async function listFollowUps(tx: Tx, me: Principal) {
  const rows = await tx
    .select({ f: surveyFollowUps, score: surveys.score, comment: surveys.comment, subject: contacts.subject, agentName: users.name })
    .from(surveyFollowUps)
    .innerJoin(surveys, eq(surveys.id, surveyFollowUps.surveyId))
    .innerJoin(contacts, eq(contacts.id, surveyFollowUps.contactId))
    .leftJoin(users, eq(users.id, surveys.agentId))
    .where(me.role === 'group_lead' ? eq(surveyFollowUps.leadId, me.id) : undefined)
    .orderBy(desc(surveyFollowUps.createdAt))
    .limit(500);
  return rows.map(({ f, score, comment, subject, agentName }) => ({
    id: f.id, contactId: f.contactId, leadId: f.leadId, reason: f.reason, dueAt: f.dueAt.toISOString(), status: f.status, score, comment, subject, agentName, note: f.note,
  }));
}

export async function closeFollowUp(tx: Tx, me: Principal, id: string, note: string | undefined) {
  const [f] = await tx.select().from(surveyFollowUps).where(eq(surveyFollowUps.id, id));
  if (!f || (me.role === 'group_lead' && f.leadId !== me.id)) throw notFound('Follow-up');
  if (f.status === 'done') throw conflict('status', 'already done');
  await tx.update(surveyFollowUps).set({ status: 'done', doneAt: new Date(), note: note ?? null }).where(eq(surveyFollowUps.id, id));
}
