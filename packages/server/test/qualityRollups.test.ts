import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { aggregateQualityScores, qualityScaleRange, type QualitySection } from '@linia/engine';
import { asSystem, withTenant, type Scope } from '../src/db/index.ts';
import { rebuildQualityRollups } from '../src/quality/rollups.ts';
import { DEMO_SCORECARD } from '../src/demo/seedQuality.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const Q = '/api/v1/quality';

type Evaluation = { id: string; contactId: string; agentId: string; groupId: string | null; contactAt: string; score: number | null; status: string; errors: Record<string, number> };
type ScoreRow = { key: string; period: string; evaluations: number; score: number | null; errors: Record<string, number> };

/**
 * The reports read daily rollups kept up to date on submit and on dispute resolution (rollups.ts).
 * These tests hold them to the evaluations: after changes the figures equal the engine's reference
 * and a rebuild from scratch; ranges cutting days in half, and a change of time zone, stay exact.
 */
describe(`quality report rollups (${dbKind})`, () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  let scope: Scope;
  const get = async (url: string, who = 'quality') => {
    const res = await t.call('GET', url, undefined, c[who]);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const submitted = async () => ((await get(`${Q}/evaluations?limit=200`)).items as Evaluation[]).filter((e) => !['assigned', 'draft'].includes(e.status));
  /** The report against the engine's aggregateQualityScores over the same evaluations. */
  const expectReference = (rows: ScoreRow[], evaluations: Evaluation[], timeZone: string) => {
    const reference = aggregateQualityScores(
      evaluations.map((e) => ({ agentId: e.agentId, groupId: e.groupId, at: Date.parse(e.contactAt), score: e.score, errors: e.errors as never })),
      { by: 'agent', period: 'week', timeZone },
    );
    expect(rows.map((r) => [r.key, r.period, r.evaluations, r.errors])).toEqual(reference.map((r) => [r.key, r.period, r.evaluations, r.errors]));
    rows.forEach((r, i) => expect(r.score).toBeCloseTo(reference[i]!.score!, 10));
  };

  beforeAll(async () => {
    t = await testApp();
    for (const login of ['quality', 'lead', 'admin']) c[login] = await t.login(login);
    const [u] = await asSystem(t.db, (tx) => tx.execute(sql`SELECT tenant_id FROM users WHERE login = 'quality'`)).then((r) => (r as unknown as { rows: { tenant_id: string }[] }).rows);
    scope = { tenantId: u!.tenant_id, clientId: null, actor: { kind: 'system', id: null, name: 'test' } };
  });
  afterAll(() => t.close());

  it('stays equal to the evaluations after a submit and an accepted dispute, and to a rebuild', async () => {
    const first = await get(`${Q}/reports/scores?by=agent&period=week`); // builds the rollups
    expectReference(first.rows, await submitted(), 'Europe/Moscow');

    // A new evaluation, submitted with every criterion at its top value.
    const evaluated = new Set((await submitted()).map((e) => e.contactId));
    const contacts = (await get('/api/v1/contacts?limit=200&status=closed', 'admin')).items as { id: string; agentId: string | null }[];
    const contact = contacts.find((x) => x.agentId && !evaluated.has(x.id))!;
    const scorecardId = (await get(`${Q}/scorecards`)).items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
    const created = await t.call('POST', `${Q}/evaluations`, { contactId: contact.id, scorecardId }, c.quality);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const sections = (await get(`${Q}/evaluations/${id}`)).scorecard.sections as QualitySection[];
    const answers = Object.fromEntries(sections.flatMap((s) => s.criteria.map((k) => [k.id, qualityScaleRange(k.scale).max])));
    const sub = await t.call('POST', `${Q}/evaluations/${id}/submit`, { answers }, c.quality);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().evaluation.score).toBe(1);

    // The agent disputes the first criterion; the lead accepts and lowers it: the score is recomputed.
    const agentLogin = (await get('/api/v1/users?limit=200', 'admin')).items.find((u: { id: string }) => u.id === contact.agentId).login;
    c[agentLogin] = await t.login(agentLogin);
    const d = await t.call('POST', `${Q}/evaluations/${id}/disputes`, { criterionId: sections[0]!.criteria[0]!.id, comment: 'проверьте' }, c[agentLogin]);
    expect(d.statusCode, d.body).toBe(201);
    const low = qualityScaleRange(sections[0]!.criteria[0]!.scale).min;
    const resolved = await t.call('POST', `${Q}/disputes/${d.json().id}/resolve`, { decision: 'accept', reason: 'так и есть', value: low }, c.lead);
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().evaluation.score).toBeLessThan(1);

    const now = await submitted();
    const after = await get(`${Q}/reports/scores?by=agent&period=week`);
    expectReference(after.rows, now, 'Europe/Moscow');
    expect(after.rows.reduce((a: number, r: ScoreRow) => a + r.evaluations, 0)).toBe(now.length);
    const errorsBefore = await get(`${Q}/reports/errors`);

    // The same figures from rollups recomputed from scratch.
    await withTenant(t.db, scope, (tx) => rebuildQualityRollups(tx));
    const rebuilt = await get(`${Q}/reports/scores?by=agent&period=week`);
    expect(rebuilt.rows.map((r: ScoreRow) => [r.key, r.period, r.evaluations, r.errors])).toEqual(after.rows.map((r: ScoreRow) => [r.key, r.period, r.evaluations, r.errors]));
    rebuilt.rows.forEach((r: ScoreRow, i: number) => expect(r.score).toBeCloseTo(after.rows[i].score, 12));
    expect(await get(`${Q}/reports/errors`)).toEqual(errorsBefore);
  });

  it('answers a range that cuts days in half: whole days from the rollups, the edges from the evaluations', async () => {
    // Spread the scored evaluations over days and hours before a fixed noon in Moscow, so the test does not
    // depend on the hour it runs at nor on the random ids (then the rollups are rebuilt: a bulk change).
    await asSystem(t.db, (tx) => tx.execute(sql`
      UPDATE quality_evaluations e SET contact_at = '2026-01-15T09:00:00Z'::timestamptz - make_interval(days => n.i % 10, hours => n.i % 7)
      FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS i FROM quality_evaluations WHERE status NOT IN ('assigned', 'draft')) n
      WHERE n.id = e.id`));
    await withTenant(t.db, scope, (tx) => rebuildQualityRollups(tx));
    const all = await submitted();
    const times = all.map((e) => Date.parse(e.contactAt)).sort((a, b) => a - b);
    // Just after the first evaluation to just before the last (local times between 05:00 and 11:00): both ends
    // inside a local day, at least one whole day between them.
    expect(times.length).toBeGreaterThanOrEqual(3);
    const from = new Date(times[0]! + 60_000);
    const to = new Date(times[times.length - 1]! - 60_000);
    expect(to.getTime() - from.getTime()).toBeGreaterThan(2 * 86_400_000 - 4 * 3_600_000);
    const inside = all.filter((e) => Date.parse(e.contactAt) >= from.getTime() && Date.parse(e.contactAt) < to.getTime());
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(all.length);
    const q = `from=${from.toISOString()}&to=${to.toISOString()}`;
    expectReference((await get(`${Q}/reports/scores?by=agent&period=week&${q}`)).rows, inside, 'Europe/Moscow');
    // Within one day only (no whole day inside): all from the evaluations.
    const one = all[0]!;
    const near = new Date(Date.parse(one.contactAt) - 60_000).toISOString();
    const after = new Date(Date.parse(one.contactAt) + 60_000).toISOString();
    const rows = (await get(`${Q}/reports/scores?by=agent&period=week&from=${near}&to=${after}`)).rows as ScoreRow[];
    expect(rows.reduce((a, r) => a + r.evaluations, 0)).toBe(all.filter((e) => Math.abs(Date.parse(e.contactAt) - Date.parse(one.contactAt)) < 60_000).length);
    const errors = (await get(`${Q}/reports/errors?${q}`)).criteria as { evaluated: number }[];
    expect(errors.length).toBeGreaterThan(0);
  });

  it('rebuilds in the new time zone when the organisation moves (days are local)', async () => {
    await asSystem(t.db, (tx) => tx.execute(sql`UPDATE tenants SET time_zone = 'Asia/Kolkata' WHERE id = ${scope.tenantId}`));
    const report = await get(`${Q}/reports/scores?by=agent&period=week`);
    expect(report.timeZone).toBe('Asia/Kolkata');
    expectReference(report.rows, await submitted(), 'Asia/Kolkata');
    // Another organisation's report reads its own (empty) rollups.
    const other = await t.login(OTHER.admin, OTHER.password);
    expect((await t.call('GET', `${Q}/reports/scores`, undefined, other)).json().rows).toEqual([]);
    expect((await t.call('GET', `${Q}/reports/errors`, undefined, other)).json().criteria).toEqual([]);
  });
});
