import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { scoreQualityEvaluation, type QualityAnswers, type QualityAutoRule, type QualitySection } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { users } from '../people/schema.ts';
import { contacts } from '../contacts/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import { surveyFollowUps, surveySettings, surveys } from '../surveys/schema.ts';
import { runPlan } from '../quality/plans.ts';
import { engineCard } from '../quality/scorecards.ts';
import { errorColumns, qualityEvaluationHistory, qualityEvaluations, qualityGroups, qualityPlans, qualityScorecards, qualityScorecardVersions } from '../quality/schema.ts';

/** The demo chat scorecard: the standard's three criticality classes, a fail-section and a fail-all criterion. */
export const DEMO_SCORECARD: { title: string; sections: QualitySection[]; autoRules: QualityAutoRule[] } = {
  title: 'Чат и почта: стандарт обслуживания',
  sections: [
    {
      id: 'etiquette', title: 'Приветствие и этикет', weight: 2, criteria: [
        { id: 'greeting', title: 'Поприветствовал клиента в первом ответе', weight: 1, scale: { kind: 'yesNo' }, allowNa: false, errorClass: 'nonCritical', fail: 'none' },
        { id: 'politeness', title: 'Вежливость и корректность', weight: 3, scale: { kind: 'points5' }, allowNa: false, errorClass: 'customer', fail: 'none', failAtOrBelow: 2 },
        { id: 'noForbidden', title: 'Без запрещённых фраз', weight: 1, scale: { kind: 'yesNo' }, allowNa: false, errorClass: 'customer', fail: 'none' },
      ],
    },
    {
      id: 'solution', title: 'Решение вопроса', weight: 3, criteria: [
        { id: 'correct', title: 'Информация верна', weight: 2, scale: { kind: 'points4' }, allowNa: false, errorClass: 'customer', fail: 'section' },
        { id: 'complete', title: 'Полнота ответа', weight: 1, scale: { kind: 'custom', options: [{ value: 0, label: 'нет' }, { value: 2, label: 'частично' }, { value: 5, label: 'полностью' }] }, allowNa: true, errorClass: 'business', fail: 'none' },
        { id: 'firstResponse', title: 'Первый ответ вовремя', weight: 1, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'nonCritical', fail: 'none' },
      ],
    },
    {
      id: 'compliance', title: 'Требования регулятора', weight: 1, criteria: [
        { id: 'identified', title: 'Идентифицировал клиента перед раскрытием данных', weight: 0, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'compliance', fail: 'all' },
        { id: 'consent', title: 'Получил согласие на обработку ПДн', weight: 1, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'compliance', fail: 'none' },
      ],
    },
  ],
  autoRules: [
    { kind: 'greeting', criterionId: 'greeting', phrases: ['здравствуйте', 'добрый день', 'добрый вечер', 'доброе утро'] },
    { kind: 'forbiddenPhrases', criterionId: 'noForbidden', phrases: ['не моя проблема', 'не знаю', 'обращайтесь в другое место'] },
    { kind: 'firstResponseTime', criterionId: 'firstResponse', maxSeconds: 60 },
  ],
};

const SUBMITTED: QualityAnswers[] = [
  { greeting: 1, politeness: 5, noForbidden: 1, correct: 4, complete: 5, firstResponse: 1, identified: 'na', consent: 'na' },
  { greeting: 1, politeness: 4, noForbidden: 1, correct: 3, complete: 2, firstResponse: 1, identified: 1, consent: 1 },
  { greeting: 0, politeness: 3, noForbidden: 1, correct: 1, complete: 2, firstResponse: 0, identified: 'na', consent: 'na' },
  { greeting: 1, politeness: 5, noForbidden: 1, correct: 4, complete: 'na', firstResponse: 1, identified: 1, consent: 1 },
];

/**
 * The demo quality setup: the lead's group with every desk worker, the published chat
 * scorecard, a weekly plan (2 contacts per agent) run once over the demo's contacts — and four
 * of its evaluations submitted with feedback, so results and "My evaluations" show data.
 */
export async function seedQuality(tx: Tx, now = new Date()): Promise<void> {
  const people = await tx.select().from(users);
  const byLogin = new Map(people.map((u) => [u.login, u]));
  const agents = people.filter((u) => u.role === 'operator' || u.role === 'senior_operator');
  const [group] = await tx.insert(qualityGroups).values({ name: 'Группа Морозова', leadId: byLogin.get('lead')?.id ?? null, memberIds: agents.map((a) => a.id) }).returning();
  const [card] = await tx.insert(qualityScorecards).values({ title: DEMO_SCORECARD.title, latestVersion: 1, publishedVersion: 1 }).returning();
  const [version] = await tx
    .insert(qualityScorecardVersions)
    .values({ scorecardId: card!.id, version: 1, status: 'published', title: DEMO_SCORECARD.title, sections: DEMO_SCORECARD.sections, autoRules: DEMO_SCORECARD.autoRules, publishedAt: now })
    .returning();
  const specialist = byLogin.get('quality');
  if (!specialist) return;
  const [plan] = await tx
    .insert(qualityPlans)
    .values({ name: 'Еженедельная выборка: 2 обращения на оператора', scorecardId: card!.id, groupId: group!.id, perAgent: 2, period: 'week', strata: ['channel'], seed: 20_261_123, specialistIds: [specialist.id] })
    .returning();
  await runPlan(tx, plan!, {}, now);
  const assigned = await tx.select().from(qualityEvaluations).where(eq(qualityEvaluations.planId, plan!.id));
  for (const [i, answers] of SUBMITTED.entries()) {
    const e = assigned[i];
    if (!e) break;
    const r = scoreQualityEvaluation(engineCard(version!), answers);
    await tx.update(qualityEvaluations).set({
      status: 'submitted', answers, score: r.score, rawScore: r.rawScore, ...errorColumns(r.errors), criteria: r.criteria, submittedAt: now,
      comments: r.score !== null && r.score < 0.6 ? { correct: 'Условия тарифа названы неверно' } : {},
      feedback: r.score !== null && r.score < 0.6 ? 'Сверяйтесь с базой знаний перед ответом о тарифах.' : 'Хорошая работа, так держать.',
    }).where(eq(qualityEvaluations.id, e.id));
    await tx.insert(qualityEvaluationHistory).values({ evaluationId: e.id, actorId: specialist.id, action: 'submitted', details: { score: r.score } });
  }
  await seedSurveys(tx);
}

/** Demo answers: CSAT on the telecom lines, NPS on the bank's; every third closed contact answered. */
const CSAT_ANSWERS = [5, 4, 5, 3, 5, 4, 2, 5, 4, 5];
const NPS_ANSWERS = [10, 9, 7, 10, 6, 9, 8, 10];

/** Survey settings per hotline and answered surveys, one low score with its follow-up for the lead. */
export async function seedSurveys(tx: Tx): Promise<void> {
  const lines = await tx.select().from(hotlines);
  const questions = new Map<string, string>();
  for (const h of lines) {
    const nps = h.code === 'bank-cards';
    const [row] = await tx.insert(surveySettings).values({
      hotlineId: h.id, kind: nps ? 'nps' : 'csat',
      question: nps ? 'Насколько вероятно, что вы порекомендуете банк друзьям? (0 — нет, 10 — обязательно)' : 'Оцените, пожалуйста, как мы решили ваш вопрос (1 — плохо, 5 — отлично)',
    }).returning();
    questions.set(h.id, row!.question);
  }
  const lead = (await tx.select().from(users)).find((u) => u.login === 'lead');
  const closed = (await tx.select().from(contacts)).filter((c) => c.status === 'closed' && c.endedAt);
  const kindOf = new Map(lines.map((h) => [h.id, h.code === 'bank-cards' ? ('nps' as const) : ('csat' as const)]));
  let ci = 0;
  let ni = 0;
  for (const [i, c] of closed.entries()) {
    if (i % 3 !== 0) continue;
    const kind = kindOf.get(c.hotlineId)!;
    const score = kind === 'csat' ? CSAT_ANSWERS[ci++ % CSAT_ANSWERS.length]! : NPS_ANSWERS[ni++ % NPS_ANSWERS.length]!;
    const answeredAt = new Date(c.endedAt!.getTime() + 600_000);
    const [s] = await tx.insert(surveys).values({
      contactId: c.id, hotlineId: c.hotlineId, agentId: c.agentId, topicId: c.topicId, kind, question: questions.get(c.hotlineId)!, allowComment: true,
      // A token nobody holds: demo answers are already in.
      tokenHash: randomBytes(32).toString('hex'), expiresAt: new Date(answeredAt.getTime() + 72 * 3_600_000), score, answeredAt,
      comment: score <= (kind === 'csat' ? 3 : 6) ? 'Долго ждал ответа' : null,
    }).returning();
    if (score <= (kind === 'csat' ? 3 : 6)) {
      await tx.insert(surveyFollowUps).values({ surveyId: s!.id, contactId: c.id, leadId: lead?.id ?? null, reason: `${kind.toUpperCase()} ${score}`, dueAt: new Date(answeredAt.getTime() + 24 * 3_600_000) });
    }
  }
}
