import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityScaleRange, type QualitySection } from '@linia/engine';
import { DEMO_SCORECARD } from '../src/demo/seedQuality.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

const Q = '/api/v1/quality';
type Evaluation = { id: string; contactId: string; groupId: string | null; evaluatorId: string | null; agentId: string | null };

/**
 * Who sees which evaluations (issue 6, "nobody sees evaluations outside their permissions"):
 * quality specialists and the head all; a group lead those of the groups they lead and their own
 * assignments — in lists, the workspace, reports and exports; an operator only their own; another
 * organisation nothing.
 */
describe(`quality: evaluations visible by role (${dbKind})`, () => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const get = (url: string, who: string) => t.call('GET', url, undefined, c[who]);
  const list = async (who: string) => (await get(`${Q}/evaluations?limit=200`, who)).json().items as Evaluation[];

  beforeAll(async () => {
    t = await testApp();
    for (const login of ['quality', 'lead', 'head', 'admin', 'operator1', 'operator4']) c[login] = await t.login(login);
    c.other = await t.login(OTHER.admin, OTHER.password);
    const made = await t.call('POST', '/api/v1/users', { login: 'lead2', name: 'Ольга Второва', role: 'group_lead', password: 'second-lead-1' }, c.admin);
    expect(made.statusCode, made.body).toBe(201);
    c.lead2 = await t.login('lead2', 'second-lead-1');
    for (const p of (await get('/api/v1/users?limit=200', 'admin')).json().items as { id: string; login: string }[]) ids[p.login] = p.id;

    // Operator 4 moves from the demo group (lead) to a second group led by lead2.
    const morozov = (await get(`${Q}/groups`, 'quality')).json().items.find((g: { name: string }) => g.name === 'Группа Морозова');
    ids.groupA = morozov.id;
    const patched = await t.call('PATCH', `${Q}/groups/${morozov.id}`, { memberIds: morozov.memberIds.filter((m: string) => m !== ids.operator4) }, c.quality);
    expect(patched.statusCode, patched.body).toBe(200);
    const b = await t.call('POST', `${Q}/groups`, { name: 'Группа Второвой', leadId: ids.lead2, memberIds: [ids.operator4] }, c.quality);
    expect(b.statusCode, b.body).toBe(201);
    ids.groupB = b.json().id;

    // Two evaluations of operator 4's chats: one by the specialist (submitted), one the lead takes on.
    const evaluated = new Set((await list('quality')).map((e) => e.contactId));
    const contacts = ((await get('/api/v1/contacts?limit=200&status=closed', 'admin')).json().items as { id: string; agentId: string | null }[])
      .filter((x) => x.agentId === ids.operator4 && !evaluated.has(x.id));
    expect(contacts.length).toBeGreaterThanOrEqual(2);
    const scorecardId = (await get(`${Q}/scorecards`, 'quality')).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
    const e1 = await t.call('POST', `${Q}/evaluations`, { contactId: contacts[0]!.id, scorecardId }, c.quality);
    ids.evB = e1.json().id;
    const sections = (await get(`${Q}/evaluations/${ids.evB}`, 'quality')).json().scorecard.sections as QualitySection[];
    const answers = Object.fromEntries(sections.flatMap((s) => s.criteria.map((k) => [k.id, qualityScaleRange(k.scale).max])));
    expect((await t.call('POST', `${Q}/evaluations/${ids.evB}/submit`, { answers }, c.quality)).statusCode).toBe(200);
    const e2 = await t.call('POST', `${Q}/evaluations`, { contactId: contacts[1]!.id, scorecardId }, c.lead);
    expect(e2.statusCode, e2.body).toBe(201);
    ids.evLead = e2.json().id;
    ids.evA = (await list('quality')).find((e) => e.groupId === ids.groupA)!.id;
  });
  afterAll(() => t.close());

  it('quality specialists and the head see every evaluation', async () => {
    for (const who of ['quality', 'head']) {
      const seen = (await list(who)).map((e) => e.id);
      expect(seen).toEqual(expect.arrayContaining([ids.evA, ids.evB, ids.evLead]));
      expect((await get(`${Q}/evaluations/${ids.evB}`, who)).statusCode).toBe(200);
    }
  });

  it('a group lead sees their groups\' evaluations and their own assignments, nothing else', async () => {
    const lead = await list('lead');
    expect(lead.map((e) => e.id)).toEqual(expect.arrayContaining([ids.evA, ids.evLead]));
    expect(lead.map((e) => e.id)).not.toContain(ids.evB);
    expect(lead.every((e) => e.groupId === ids.groupA || e.evaluatorId === ids.lead)).toBe(true);
    expect((await get(`${Q}/evaluations/${ids.evB}`, 'lead')).statusCode).toBe(404);
    expect((await get(`${Q}/evaluations/${ids.evLead}`, 'lead')).statusCode).toBe(200);

    const lead2 = await list('lead2');
    expect(lead2.map((e) => e.id).sort()).toEqual([ids.evB, ids.evLead].sort());
    expect((await get(`${Q}/evaluations/${ids.evA}`, 'lead2')).statusCode).toBe(404);
  });

  it('limits a group lead\'s reports and exports to their groups', async () => {
    const groupsOf = async (who: string) => ((await get(`${Q}/reports/scores?by=group&period=month`, who)).json().rows as { key: string }[]).map((r) => r.key);
    expect(new Set(await groupsOf('lead2'))).toEqual(new Set([ids.groupB]));
    expect(await groupsOf('lead')).not.toContain(ids.groupB);
    expect(await groupsOf('quality')).toEqual(expect.arrayContaining([ids.groupA, ids.groupB]));
    const errors = (await get(`${Q}/reports/errors`, 'lead2')).json().criteria as { evaluated: number }[];
    const criteria = DEMO_SCORECARD.sections.reduce((a, s) => a + s.criteria.length, 0);
    expect(Math.max(...errors.map((x) => x.evaluated))).toBe(1); // the one submitted evaluation of group B
    expect(errors.length).toBeLessThanOrEqual(criteria);
    const csv = (await get(`${Q}/reports/evaluations.csv`, 'lead2')).body.split('\r\n').filter(Boolean);
    expect(csv.length).toBe(2); // the header and evaluation B
    expect(csv[1]).toContain(ids.evB);
    // The automatic score of every contact: per agent of the lead's groups only.
    const scorecardId = (await get(`${Q}/scorecards`, 'quality')).json().items.find((s: { title: string }) => s.title === DEMO_SCORECARD.title).id;
    const autoAgents = async (who: string) => ((await get(`${Q}/reports/auto?scorecardId=${scorecardId}`, who)).json().rows as { agentId: string }[]).map((r) => r.agentId);
    expect(await autoAgents('lead2')).toEqual([ids.operator4]);
    expect((await autoAgents('quality')).length).toBeGreaterThan(1);
    expect(await autoAgents('lead')).not.toContain(ids.operator4);
  });

  it('an operator sees only their own submitted evaluations; another organisation none', async () => {
    expect((await get(`${Q}/my-evaluations`, 'operator4')).json().items.map((e: Evaluation) => e.id)).toContain(ids.evB);
    expect((await get(`${Q}/evaluations/${ids.evB}`, 'operator4')).statusCode).toBe(200);
    expect((await get(`${Q}/evaluations/${ids.evLead}`, 'operator4')).statusCode).toBe(404); // not submitted yet
    expect((await get(`${Q}/evaluations/${ids.evB}`, 'operator1')).statusCode).toBe(404);
    expect((await get(`${Q}/evaluations`, 'operator1')).statusCode).toBe(403);
    expect((await get(`${Q}/evaluations/${ids.evB}`, 'other')).statusCode).toBe(404);
    expect((await list('other')).map((e) => e.id)).not.toContain(ids.evB);
  });
});
