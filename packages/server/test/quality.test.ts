import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateQualityScores, scoreQualityEvaluation } from '@linia/engine';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { DEMO_SCORECARD } from '../src/demo/seedQuality.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const Q = '/api/v1/quality';

const card = (over: Record<string, unknown> = {}) => ({
  title: 'Голос: базовый',
  weighting: 'percent',
  sections: [
    { id: 's1', title: 'Этикет', weight: 40, criteria: [{ id: 'hello', title: 'Приветствие', weight: 100, scale: { kind: 'yesNo' }, allowNa: false, errorClass: 'nonCritical', fail: 'none' }] },
    {
      id: 's2', title: 'Решение', weight: 60, criteria: [
        { id: 'right', title: 'Верно', weight: 70, scale: { kind: 'points5' }, allowNa: false, errorClass: 'customer', fail: 'section' },
        { id: 'law', title: 'ПДн', weight: 30, scale: { kind: 'yesNo' }, allowNa: true, errorClass: 'compliance', fail: 'all' },
      ],
    },
  ],
  ...over,
});

describe(`quality control (${dbKind})`, () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = (method: Method, url: string, payload?: object, who = 'quality') =>
    t.app.inject({ method, url, headers: { cookie: c[who]! }, ...(payload ? { payload } : {}) });
  const field = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

  beforeAll(async () => {
    t = await testApp();
    for (const login of ['quality', 'lead', 'admin', 'head', 'operator1', 'operator2', 'operator3', 'operator4', 'senior']) c[login] = await t.login(login);
    c.other = await t.login(OTHER.admin, OTHER.password);
    const people = (await call('GET', '/api/v1/users?limit=200', undefined, 'admin')).json().items as { id: string; login: string }[];
    for (const p of people) ids[p.login] = p.id;
    const lines = (await call('GET', '/api/v1/hotlines', undefined, 'admin')).json().items as { id: string; code: string }[];
    ids.support = lines.find((h) => h.code === 'telecom-support')!.id;
  });
  afterAll(() => t.close());

  describe('scorecards', () => {
    it('refuses weights that do not sum to 100 and a custom scale without options, naming the fields', async () => {
      const bad = card();
      (bad.sections as { weight: number }[])[0]!.weight = 50;
      const res = await call('POST', `${Q}/scorecards`, bad);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(field(res)).toContain('body.sections');
      expect(res.json().detail).toContain('section weights sum to 110, not 100');

      const noOptions = card({ weighting: 'relative' });
      (noOptions.sections as { criteria: { scale: unknown }[] }[])[0]!.criteria[0]!.scale = { kind: 'custom', options: [] };
      const res2 = await call('POST', `${Q}/scorecards`, noOptions);
      expect(res2.statusCode).toBe(400);
      expect(field(res2)).toEqual(['body.sections.0.criteria.0.scale']);

      const badRule = await call('POST', `${Q}/scorecards`, card({ autoRules: [{ kind: 'greeting', criterionId: 'nope', phrases: ['здравствуйте'] }] }));
      expect(field(badRule)).toEqual(['body.autoRules.0.criterionId']);
      expect(field(await call('POST', `${Q}/scorecards`, card({ weighting: 'odd' })))).toEqual(['body.weighting']);
    });

    it('versions: an edit of a published scorecard is a new draft; publishing switches', async () => {
      expect((await call('POST', `${Q}/scorecards`, card(), 'operator1')).statusCode).toBe(403);
      expect((await call('POST', `${Q}/scorecards`, card(), 'lead')).statusCode).toBe(403);
      const created = await call('POST', `${Q}/scorecards`, card({ hotlineId: ids.support }));
      expect(created.statusCode).toBe(201);
      const s = created.json();
      expect([s.latestVersion, s.publishedVersion, s.latest.status]).toEqual([1, null, 'draft']);
      // A draft is edited in place.
      expect((await call('PATCH', `${Q}/scorecards/${s.id}`, card({ title: 'Голос: базовый (черновик)' }))).json().latestVersion).toBe(1);
      const published = (await call('POST', `${Q}/scorecards/${s.id}/publish`)).json();
      expect([published.publishedVersion, published.latest.status]).toEqual([1, 'published']);
      expect((await call('POST', `${Q}/scorecards/${s.id}/publish`)).statusCode).toBe(409);
      const edited = (await call('PATCH', `${Q}/scorecards/${s.id}`, card({ title: 'Голос: v2' }))).json();
      expect([edited.latestVersion, edited.publishedVersion, edited.latest.status, edited.versions.length]).toEqual([2, 1, 'draft', 2]);
      ids.voiceCard = s.id;
      expect((await call('GET', `${Q}/scorecards/${s.id}`, undefined, 'other')).statusCode).toBe(404);
      expect((await call('GET', `${Q}/scorecards`, undefined, 'other')).json().items).toEqual([]);
      expect((await call('GET', `${Q}/scorecards`, undefined, 'operator1')).statusCode).toBe(403);
    });
  });

  describe('plans, evaluations, disputes', () => {
    let demoCard: string;
    let evaluationId: string;
    let agentLogin: string;

    it('checks plan references and runs a plan: skipping evaluated contacts, balanced among specialists', async () => {
      demoCard = (await call('GET', `${Q}/scorecards`)).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
      const base = { name: 'Все линии', scorecardId: demoCard, perAgent: 50, specialistIds: [ids.quality, ids.lead], seed: 7 };
      expect(field(await call('POST', `${Q}/plans`, { ...base, specialistIds: [ids.operator1] }))).toEqual(['body.specialistIds.0']);
      expect(field(await call('POST', `${Q}/plans`, { ...base, perAgent: 0 }))).toEqual(['body.perAgent']);
      expect(field(await call('POST', `${Q}/plans`, { ...base, strata: ['mood'] }))).toEqual(['body.strata.0']);
      const draftOnly = (await call('POST', `${Q}/scorecards`, card())).json().id;
      const unpublished = (await call('POST', `${Q}/plans`, { ...base, scorecardId: draftOnly })).json();
      expect((await call('POST', `${Q}/plans/${unpublished.id}/run`, {})).statusCode).toBe(409);

      const plan = (await call('POST', `${Q}/plans`, base)).json();
      const run = await call('POST', `${Q}/plans/${plan.id}/run`, {});
      expect(run.statusCode).toBe(200);
      const { created, load } = run.json();
      expect(created).toBeGreaterThan(3);
      // Balanced: both specialists get work, at most a few apart (the specialist already has the demo plan's open ones).
      expect(load.map((l: { assigned: number }) => l.assigned).every((n: number) => n > 0)).toBe(true);
      expect((await call('POST', `${Q}/plans/${plan.id}/run`, {})).json().created).toBe(0);
      expect((await call('POST', `${Q}/plans/${plan.id}/run`, {}, 'lead')).statusCode).toBe(403);
      expect((await call('POST', `${Q}/plans/${plan.id}/run`, {}, 'other')).statusCode).toBe(404);
    });

    it('opens the workspace with transcript, context and automatic suggestions; drafts and submits', async () => {
      const mine = (await call('GET', `${Q}/evaluations?mine=true&status=assigned&limit=200`)).json().items as { id: string; channel: string; agentId: string; hotlineId: string }[];
      const chat = mine.find((e) => e.channel === 'chat' || e.channel === 'messenger')!;
      expect(chat).toBeTruthy();
      evaluationId = chat.id;
      agentLogin = Object.keys(ids).find((k) => ids[k] === chat.agentId)!;
      const ws = (await call('GET', `${Q}/evaluations/${evaluationId}`)).json();
      expect(ws.messages.length).toBeGreaterThan(1);
      expect(ws.contact.hotlineName.length).toBeGreaterThan(0);
      expect(ws.scorecard.title).toBe(DEMO_SCORECARD.title);
      const greeting = ws.auto.suggestions.find((s: { criterionId: string }) => s.criterionId === 'greeting');
      expect(greeting).toMatchObject({ passed: true, value: 1 });
      expect(greeting.evidence[0].text.toLowerCase()).toBe('здравствуйте');
      // The agent does not see it before submission; others never.
      expect((await call('GET', `${Q}/evaluations/${evaluationId}`, undefined, agentLogin)).statusCode).toBe(404);
      // Someone else's assignment cannot be worked on.
      expect((await call('PATCH', `${Q}/evaluations/${evaluationId}`, { answers: {} }, 'lead')).statusCode).toBe(403);

      const badValue = await call('PATCH', `${Q}/evaluations/${evaluationId}`, { answers: { greeting: 7 } });
      expect(field(badValue)).toEqual(['body.answers.greeting']);
      const draft = await call('PATCH', `${Q}/evaluations/${evaluationId}`, {
        answers: { greeting: 1, politeness: 4 }, comments: { politeness: 'Суховато' }, notes: [{ offsetSeconds: 20, text: 'Долгая пауза' }], recordingRef: 'rec://2026/11/23/123',
      });
      expect(draft.statusCode).toBe(200);
      expect(draft.json().evaluation).toMatchObject({ status: 'draft', recordingRef: 'rec://2026/11/23/123', comments: { politeness: 'Суховато' } });
      expect(draft.json().evaluation.notes[0]).toMatchObject({ offsetSeconds: 20, text: 'Долгая пауза' });

      const incomplete = await call('POST', `${Q}/evaluations/${evaluationId}/submit`, {});
      expect(incomplete.statusCode).toBe(400);
      expect(field(incomplete)).toContain('body.answers.correct');

      const answers = { greeting: 1, politeness: 4, noForbidden: 1, correct: 2, complete: 2, firstResponse: 1, identified: 'na', consent: 'na' } as const;
      const submitted = await call('POST', `${Q}/evaluations/${evaluationId}/submit`, { answers, feedback: 'Уточняйте условия тарифа' });
      expect(submitted.statusCode).toBe(200);
      const expected = scoreQualityEvaluation({ id: 'x', version: 1, title: '', weighting: 'relative', sections: DEMO_SCORECARD.sections }, answers).score!;
      expect(submitted.json().evaluation.score).toBeCloseTo(expected, 10);
      expect(submitted.json().evaluation.status).toBe('submitted');
      expect((await call('PATCH', `${Q}/evaluations/${evaluationId}`, { answers })).statusCode).toBe(409);
    });

    it('shows the agent only their own evaluations; acknowledge and dispute one criterion', async () => {
      const own = (await call('GET', `${Q}/my-evaluations`, undefined, agentLogin)).json().items as { id: string; agentId: string; status: string }[];
      expect(own.map((e) => e.id)).toContain(evaluationId);
      expect(own.every((e) => e.agentId === ids[agentLogin] && e.status !== 'assigned' && e.status !== 'draft')).toBe(true);
      const stranger = ['operator1', 'operator2', 'operator3', 'operator4', 'senior'].find((l) => l !== agentLogin)!;
      expect((await call('GET', `${Q}/my-evaluations`, undefined, stranger)).json().items.map((e: { id: string }) => e.id)).not.toContain(evaluationId);
      expect((await call('GET', `${Q}/evaluations/${evaluationId}`, undefined, stranger)).statusCode).toBe(404);
      expect((await call('POST', `${Q}/evaluations/${evaluationId}/acknowledge`, undefined, stranger)).statusCode).toBe(404);
      expect((await call('GET', `${Q}/evaluations`, undefined, agentLogin)).statusCode).toBe(403);

      expect((await call('POST', `${Q}/evaluations/${evaluationId}/acknowledge`, undefined, agentLogin)).statusCode).toBe(200);
      expect((await call('POST', `${Q}/evaluations/${evaluationId}/acknowledge`, undefined, agentLogin)).statusCode).toBe(409);
      expect(field(await call('POST', `${Q}/evaluations/${evaluationId}/disputes`, { criterionId: 'nope', comment: 'x' }, agentLogin))).toEqual(['body.criterionId']);
      expect(field(await call('POST', `${Q}/evaluations/${evaluationId}/disputes`, { criterionId: 'correct', comment: '  ' }, agentLogin))).toEqual(['body.comment']);
      const d = await call('POST', `${Q}/evaluations/${evaluationId}/disputes`, { criterionId: 'correct', comment: 'Я назвал верный тариф, см. сообщение 2' }, agentLogin);
      expect(d.statusCode).toBe(201);
      ids.dispute = d.json().id;
      expect((await call('POST', `${Q}/evaluations/${evaluationId}/disputes`, { criterionId: 'correct', comment: 'ещё раз' }, agentLogin)).statusCode).toBe(409);
    });

    it('lets the group lead (not the evaluator) accept the dispute: score recomputed, history kept', async () => {
      expect((await call('GET', `${Q}/disputes?status=open`, undefined, agentLogin)).statusCode).toBe(403);
      // The evaluator may not judge their own evaluation.
      expect((await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'reject', reason: 'нет' })).statusCode).toBe(403);
      const open = (await call('GET', `${Q}/disputes?status=open`, undefined, 'lead')).json().items as { id: string }[];
      expect(open.map((x) => x.id)).toContain(ids.dispute);
      expect(field(await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'accept', reason: 'Верно' }, 'lead'))).toEqual(['body.value']);
      expect(field(await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'accept', reason: 'Верно', value: 9 }, 'lead'))).toEqual(['body.value']);
      const before = (await call('GET', `${Q}/evaluations/${evaluationId}`, undefined, agentLogin)).json().evaluation.score;
      const res = await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'accept', reason: 'Тариф назван верно', value: 4 }, 'lead');
      expect(res.statusCode).toBe(200);
      const ws = res.json();
      expect(ws.evaluation.status).toBe('resolved');
      expect(ws.evaluation.answers.correct).toBe(4);
      expect(ws.evaluation.score).toBeGreaterThan(before);
      expect(ws.disputes[0]).toMatchObject({ status: 'accepted', resolution: 'Тариф назван верно', resolvedBy: ids.lead });
      expect(ws.history.map((h: { action: string }) => h.action)).toEqual(['submitted', 'acknowledged', 'disputed', 'dispute accepted']);
      expect(ws.history[3]).toMatchObject({ actorName: 'Сергей Морозов', reason: 'Тариф назван верно', details: { answerBefore: 2, answerAfter: 4 } });
      expect((await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'reject', reason: 'x' }, 'lead')).statusCode).toBe(409);
      expect((await call('POST', `${Q}/disputes/${ids.dispute}/resolve`, { decision: 'reject', reason: 'x' }, 'other')).statusCode).toBe(404);
      expect((await call('GET', `${Q}/evaluations/${evaluationId}`, undefined, 'other')).statusCode).toBe(404);
    });
  });

  describe('results', () => {
    it('reports scores per agent and group per week, error frequency, CSV and XLSX', async () => {
      const byAgent = (await call('GET', `${Q}/reports/scores?by=agent&period=week`)).json();
      expect(byAgent.timeZone).toBe('Europe/Moscow');
      expect(byAgent.rows.length).toBeGreaterThan(0);
      expect(byAgent.rows.every((r: { score: number | null }) => r.score === null || (r.score >= 0 && r.score <= 1))).toBe(true);
      const byGroup = (await call('GET', `${Q}/reports/scores?by=group&period=month`, undefined, 'head')).json();
      expect(byGroup.rows.map((r: { name: string }) => r.name)).toContain('Группа Морозова');
      expect(byGroup.series[0].points.length).toBeGreaterThan(0);
      const errors = (await call('GET', `${Q}/reports/errors`)).json();
      const correct = errors.criteria.find((x: { criterionId: string }) => x.criterionId === 'correct');
      expect(correct).toMatchObject({ title: 'Информация верна', errorClass: 'customer' });
      expect(correct.failed).toBeGreaterThan(0);
      expect(errors.byClass.customer).toBeGreaterThan(0);
      expect(field(await call('GET', `${Q}/reports/scores?period=year`))).toEqual(['query.period']);
      expect((await call('GET', `${Q}/reports/scores?scorecardId=${ids.voiceCard}`)).json().rows).toEqual([]);
      expect((await call('GET', `${Q}/reports/errors?scorecardId=${ids.voiceCard}`)).json().criteria).toEqual([]);
      expect((await call('GET', `${Q}/reports/scores`, undefined, 'operator1')).statusCode).toBe(403);
      expect((await call('GET', `${Q}/reports/scores`, undefined, 'other')).json().rows).toEqual([]);

      // The database aggregation gives what the engine's reference computes from the same evaluations.
      const all = (await call('GET', `${Q}/evaluations?limit=200`)).json().items as { agentId: string; groupId: string | null; contactAt: string; score: number | null; status: string; errors: Record<string, number> }[];
      const submitted = all.filter((e) => !['assigned', 'draft'].includes(e.status));
      const reference = aggregateQualityScores(
        submitted.map((e) => ({ agentId: e.agentId, groupId: e.groupId, at: Date.parse(e.contactAt), score: e.score, errors: e.errors as never })),
        { by: 'agent', period: 'week', timeZone: 'Europe/Moscow' },
      );
      expect(byAgent.rows.map((r: { key: string; period: string; evaluations: number; errors: unknown }) => [r.key, r.period, r.evaluations, r.errors])).toEqual(reference.map((r) => [r.key, r.period, r.evaluations, r.errors]));
      byAgent.rows.forEach((r: { score: number | null }, i: number) => expect(r.score).toBeCloseTo(reference[i]!.score!, 10));
      const sum = (k: string) => submitted.reduce((a, e) => a + e.errors[k]!, 0);
      expect(errors.byClass).toEqual({ customer: sum('customer'), business: sum('business'), compliance: sum('compliance'), nonCritical: sum('nonCritical') });

      const csv = await call('GET', `${Q}/reports/evaluations.csv`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.startsWith('\uFEFFОценка;Обращение;')).toBe(true);
      expect(csv.body.split('\r\n').length).toBeGreaterThan(3);
      const xlsx = await call('GET', `${Q}/reports/evaluations.xlsx?lang=en`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a zip container
    });
  });

  it('scores 100 % of a period\'s contacts automatically, per agent with each rule\'s pass rate', async () => {
    const scorecardId = (await call('GET', `${Q}/scorecards`)).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
    const res = await call('GET', `${Q}/reports/auto?scorecardId=${scorecardId}`);
    expect(res.statusCode).toBe(200);
    const { rows } = res.json();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.contacts).toBeGreaterThan(0);
      // Every demo chat reply starts «Здравствуйте!»: the greeting passes wherever it applies.
      const greeting = r.rules.find((x: { rule: string }) => x.rule === 'greeting:greeting');
      expect(greeting.passed).toBe(greeting.applicable);
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(field(await call('GET', `${Q}/reports/auto?scorecardId=nope`))).toEqual(['query.scorecardId']);
    expect((await call('GET', `${Q}/reports/auto?scorecardId=${scorecardId}`, undefined, 'operator1')).statusCode).toBe(403);
    expect(field(await call('GET', `${Q}/reports/auto?scorecardId=${scorecardId}`, undefined, 'other'))).toEqual(['query.scorecardId']);
  });

  describe('calibration', () => {
    it('three evaluators score blind; the lead reveals; deviations from the reference', async () => {
      const contactId = (await call('GET', `${Q}/evaluations?limit=1`)).json().items[0].contactId;
      const scorecardId = (await call('GET', `${Q}/scorecards`)).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
      const body = { title: 'Калибровка недели', contactId, scorecardId, evaluatorIds: [ids.quality, ids.lead, ids.admin] };
      expect(field(await call('POST', `${Q}/calibrations`, { ...body, evaluatorIds: [ids.quality, ids.operator1] }))).toEqual(['body.evaluatorIds.1']);
      expect((await call('POST', `${Q}/calibrations`, body, 'lead')).statusCode).toBe(403);
      const session = (await call('POST', `${Q}/calibrations`, body)).json();
      const base = { greeting: 1, politeness: 5, noForbidden: 1, correct: 4, complete: 5, firstResponse: 1, identified: 'na', consent: 'na' };
      await call('POST', `${Q}/calibrations/${session.id}/score`, { answers: base });
      expect(field(await call('POST', `${Q}/calibrations/${session.id}/score`, { answers: { ...base, correct: 'na' } }, 'lead'))).toEqual(['body.answers.correct']);
      await call('POST', `${Q}/calibrations/${session.id}/score`, { answers: { ...base, politeness: 3 } }, 'lead');
      // Blind: an evaluator sees who has scored, their own answers, no result.
      const blind = (await call('GET', `${Q}/calibrations/${session.id}`, undefined, 'lead')).json();
      expect([blind.result, blind.myAnswers.politeness, blind.submitted.length]).toEqual([null, 3, 2]);
      expect((await call('POST', `${Q}/calibrations/${session.id}/reveal`, {}, 'lead')).statusCode).toBe(403);
      await call('POST', `${Q}/calibrations/${session.id}/score`, { answers: { ...base, correct: 2 } }, 'admin');
      const revealed = await call('POST', `${Q}/calibrations/${session.id}/reveal`, { reference: base });
      expect(revealed.statusCode).toBe(200);
      const r = revealed.json().result;
      const dev = Object.fromEntries(r.evaluators.map((e: { name: string; deviation: number }) => [e.name, e.deviation]));
      expect(dev['Анна Кузнецова']).toBe(0);
      expect(dev['Сергей Морозов']).toBeLessThan(0);
      expect(dev['Администратор системы']).toBeLessThan(dev['Сергей Морозов']);
      expect(r.criteria.find((x: { criterionId: string }) => x.criterionId === 'politeness').agreeShare).toBeCloseTo(2 / 3);
      expect((await call('POST', `${Q}/calibrations/${session.id}/score`, { answers: base }, 'lead')).statusCode).toBe(409);
      const summary = (await call('GET', `${Q}/reports/evaluators`)).json().items;
      expect(summary.find((s: { name: string }) => s.name === 'Анна Кузнецова')).toMatchObject({ sessions: 1, meanAbsoluteDeviation: 0 });
      expect((await call('GET', `${Q}/calibrations/${session.id}`, undefined, 'other')).statusCode).toBe(404);
    });
  });

  it('evaluates a contact outside any plan, gives feedback, lists plans and sessions — each with its role check', async () => {
    const scorecardId = (await call('GET', `${Q}/scorecards`)).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
    const contactId = (await call('GET', '/api/v1/contacts?limit=1', undefined, 'admin')).json().items[0].id;
    expect((await call('POST', `${Q}/evaluations`, { contactId, scorecardId }, 'operator1')).statusCode).toBe(403);
    const otherContact = '00000000-0000-4000-8000-000000000000';
    expect(field(await call('POST', `${Q}/evaluations`, { contactId: otherContact, scorecardId }, 'lead'))).toEqual(['body.contactId']);
    const created = await call('POST', `${Q}/evaluations`, { contactId, scorecardId }, 'lead');
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const ws = (await call('GET', `${Q}/evaluations/${id}`, undefined, 'lead')).json();
    expect(ws.evaluation).toMatchObject({ status: 'assigned', evaluatorName: 'Сергей Морозов', planId: null });
    expect(field(await call('POST', `${Q}/evaluations/${id}/feedback`, { feedback: ' ' }, 'lead'))).toEqual(['body.feedback']);
    expect((await call('POST', `${Q}/evaluations/${id}/feedback`, { feedback: 'Молодец' }, 'quality')).statusCode).toBe(200); // a quality manager may
    expect((await call('POST', `${Q}/evaluations/${id}/feedback`, { feedback: 'Молодец' }, 'operator1')).statusCode).toBe(403);
    expect((await call('GET', `${Q}/evaluations/${id}`, undefined, 'lead')).json().history.map((h: { action: string }) => h.action)).toEqual(['feedback']);

    const plans = (await call('GET', `${Q}/plans`, undefined, 'head')).json().items;
    expect(plans.length).toBeGreaterThan(1);
    expect((await call('PATCH', `${Q}/plans/${plans[0].id}`, { perAgent: 4 }, 'head')).statusCode).toBe(403);
    expect((await call('PATCH', `${Q}/plans/${plans[0].id}`, { perAgent: 4 })).json().perAgent).toBe(4);
    expect((await call('GET', `${Q}/plans`, undefined, 'other')).json().items).toEqual([]);
    expect((await call('GET', `${Q}/calibrations`, undefined, 'operator1')).statusCode).toBe(403);
    expect((await call('GET', `${Q}/calibrations`, undefined, 'other')).json().items).toEqual([]);
  });

  it('lists and edits groups (quality.manage), checks members through the tenant view', async () => {
    const list = (await call('GET', `${Q}/groups`)).json().items;
    expect(list.map((g: { name: string }) => g.name)).toContain('Группа Морозова');
    expect((await call('POST', `${Q}/groups`, { name: 'Ночная смена', memberIds: [ids.operator1] }, 'lead')).statusCode).toBe(403);
    const otherUser = (await call('GET', '/api/v1/users', undefined, 'other')).json().items[0].id;
    expect(field(await call('POST', `${Q}/groups`, { name: 'Ночная смена', memberIds: [otherUser] }))).toEqual(['body.memberIds.0']);
    expect((await call('POST', `${Q}/groups`, { name: 'Ночная смена', memberIds: [ids.operator1], leadId: ids.lead })).statusCode).toBe(201);
  });
});
