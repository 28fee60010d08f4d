import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

describe(`ACD configuration API (${dbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let operator: string;
  let lead: string;
  let other: string;
  let hotlineId: string;
  let otherHotlineId: string;
  beforeAll(async () => {
    t = await testApp();
    [admin, manager, operator, lead, other] = await Promise.all([t.login('admin'), t.login('manager'), t.login('operator1'), t.login('lead'), t.login(OTHER.admin, OTHER.password)]);
    hotlineId = (await get(admin, '/api/v1/hotlines')).items.find((h: { code: string }) => h.code === 'telecom-support').id;
    otherHotlineId = (await get(other, '/api/v1/hotlines')).items[0].id;
  });
  afterAll(() => t.close());

  const get = async (cookie: string, url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
  const send = (cookie: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.call(method, url, payload, cookie);

  it('lists the demo queues, skills and agents', async () => {
    const queues = await get(operator, '/api/v1/acd/queues');
    expect(queues.items.map((q: { name: string }) => q.name)).toContain('Поддержка — звонки');
    const skills = await get(operator, '/api/v1/acd/skills');
    expect(skills.items.map((s: { code: string }) => s.code).sort()).toEqual(['billing', 'cards', 'english', 'internet', 'sales']);
    const agents = await get(lead, '/api/v1/acd/agents');
    expect(agents.items).toHaveLength(5);
  });

  it('creates a queue with skill requirements and overflow, changes and deletes it', async () => {
    const skill = (await send(manager, 'POST', '/api/v1/acd/skills', { code: 'vip', name: 'VIP' })).json();
    const res = await send(manager, 'POST', '/api/v1/acd/queues', {
      hotlineId,
      name: 'VIP звонки',
      channel: 'voice',
      skills: [{ skillId: skill.id, min: 4 }],
      overflow: [{ afterSeconds: 30, action: { kind: 'lowerMinimum', to: 2 } }],
      offerTimeoutSeconds: 15,
      serviceLevelSeconds: 10,
    });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ name: 'VIP звонки', strategy: 'longestIdle', wrapUpSeconds: 30, autoAccept: false, shortAbandonSeconds: 5, serviceLevelSeconds: 10 });
    const patched = await send(manager, 'PATCH', `/api/v1/acd/queues/${q.id}`, { autoAccept: true, strategy: 'roundRobin' });
    expect(patched.json()).toMatchObject({ autoAccept: true, strategy: 'roundRobin', offerTimeoutSeconds: 15 });
    expect((await send(manager, 'DELETE', `/api/v1/acd/queues/${q.id}`)).statusCode).toBe(204);
  });

  it('refuses to delete a skill or queue still named by queues or agents, and deletes it once freed', async () => {
    const skill = (await send(manager, 'POST', '/api/v1/acd/skills', { code: 'legal', name: 'Юристы' })).json();
    const spare = (await send(manager, 'POST', '/api/v1/acd/skills', { code: 'spare', name: 'Запас' })).json();
    const target = (await send(manager, 'POST', '/api/v1/acd/queues', { hotlineId, name: 'Юристы — резерв', channel: 'voice' })).json();
    const q = (await send(manager, 'POST', '/api/v1/acd/queues', {
      hotlineId,
      name: 'Юристы',
      channel: 'voice',
      skills: [{ skillId: skill.id, min: 3 }],
      overflow: [
        { afterSeconds: 30, action: { kind: 'widenSkills', skills: [spare.id] } },
        { afterSeconds: 90, action: { kind: 'moveToQueue', queueId: target.id } },
      ],
    })).json();
    const refused = async (url: string, words: string[]) => {
      const res = await send(manager, 'DELETE', url);
      expect(res.statusCode, url).toBe(409);
      for (const w of words) expect(res.json().detail).toContain(w);
    };
    await refused(`/api/v1/acd/skills/${skill.id}`, ['queues requiring it', 'Юристы']);
    await refused(`/api/v1/acd/skills/${spare.id}`, ['queues widening to it on overflow']);
    await refused(`/api/v1/acd/queues/${target.id}`, ['queues overflowing to it', 'Юристы']);
    // An agent's skill map and queue list count too.
    const agents = (await get(lead, '/api/v1/acd/agents')).items as { id: string; skills: Record<string, number>; queueIds: string[] }[];
    const agent = agents[0]!;
    expect((await send(lead, 'PATCH', `/api/v1/acd/agents/${agent.id}`, { skills: { ...agent.skills, [spare.id]: 2 }, queueIds: [...agent.queueIds, target.id] })).statusCode).toBe(200);
    expect((await send(manager, 'PATCH', `/api/v1/acd/queues/${q.id}`, { skills: [], overflow: [] })).statusCode).toBe(200);
    expect((await send(manager, 'DELETE', `/api/v1/acd/skills/${skill.id}`)).statusCode).toBe(204);
    await refused(`/api/v1/acd/skills/${spare.id}`, ['agents having it']);
    await refused(`/api/v1/acd/queues/${target.id}`, ['agents serving it']);
    expect((await send(lead, 'PATCH', `/api/v1/acd/agents/${agent.id}`, { skills: agent.skills, queueIds: agent.queueIds })).statusCode).toBe(200);
    expect((await send(manager, 'DELETE', `/api/v1/acd/skills/${spare.id}`)).statusCode).toBe(204);
    expect((await send(manager, 'DELETE', `/api/v1/acd/queues/${target.id}`)).statusCode).toBe(204);
  });

  it('refuses bad input naming the field', async () => {
    const bad = async (payload: object, field: string) => {
      const res = await send(admin, 'POST', '/api/v1/acd/queues', { hotlineId, name: 'X', channel: 'voice', ...payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ channel: 'pigeon' }, 'body.channel');
    await bad({ skills: [{ skillId: '00000000-0000-4000-8000-000000000000', min: 6 }] }, 'body.skills.0.min');
    await bad({ skills: [{ skillId: '00000000-0000-4000-8000-000000000000', min: 3 }] }, 'body.skills.0.skillId');
    await bad({ strategy: 'random' }, 'body.strategy');
    await bad({ offerTimeoutSeconds: 1 }, 'body.offerTimeoutSeconds');
    await bad({ overflow: [{ afterSeconds: 10, action: { kind: 'moveToQueue', queueId: '00000000-0000-4000-8000-000000000000' } }] }, 'body.overflow.0.action.queueId');
    await bad({ unknown: 1 }, 'body.unknown');
    const agent = await send(admin, 'POST', '/api/v1/acd/agents', { userId: '00000000-0000-4000-8000-000000000000' });
    expect(agent.statusCode).toBe(400);
    expect(agent.json().errors[0].field).toBe('body.userId');
    const dup = await send(admin, 'POST', '/api/v1/acd/skills', { code: 'internet', name: 'again' });
    expect(dup.statusCode).toBe(409);
  });

  it('keeps tenants apart', async () => {
    const mine = (await get(admin, '/api/v1/acd/queues')).items[0];
    expect((await get(other, '/api/v1/acd/queues')).items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/acd/queues/${mine.id}`, headers: { cookie: other } })).statusCode).toBe(404);
    // Another tenant's hotline or skill is "no such" — foreign keys alone would let it through.
    const res = await send(admin, 'POST', '/api/v1/acd/queues', { hotlineId: otherHotlineId, name: 'Чужая', channel: 'voice' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.hotlineId');
    const foreignSkill = (await send(other, 'POST', '/api/v1/acd/skills', { code: 'x', name: 'x' })).json();
    const res2 = await send(admin, 'POST', '/api/v1/acd/queues', { hotlineId, name: 'С чужим навыком', channel: 'voice', skills: [{ skillId: foreignSkill.id, min: 1 }] });
    expect(res2.statusCode).toBe(400);
  });

  it('checks permissions: operators read, managers configure, leads change agents', async () => {
    expect((await send(operator, 'POST', '/api/v1/acd/skills', { code: 'y', name: 'y' })).statusCode).toBe(403);
    expect((await send(lead, 'POST', '/api/v1/acd/queues', { hotlineId, name: 'L', channel: 'chat' })).statusCode).toBe(403);
    const agents = (await get(lead, '/api/v1/acd/agents')).items;
    const skills = (await get(lead, '/api/v1/acd/skills')).items;
    const res = await send(lead, 'PATCH', `/api/v1/acd/agents/${agents[0].id}`, { skills: { [skills[0].id]: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().skills).toEqual({ [skills[0].id]: 5 });
    expect((await send(operator, 'PATCH', `/api/v1/acd/agents/${agents[0].id}`, { skills: {} })).statusCode).toBe(403);
    expect((await send(manager, 'PATCH', `/api/v1/acd/agents/${agents[0].id}`, { capacity: { chat: 9 } })).statusCode).toBe(403);
    const bad = await send(lead, 'PATCH', `/api/v1/acd/agents/${agents[0].id}`, { skills: { [skills[0].id]: 0 } });
    expect(bad.statusCode).toBe(400);
  });

  it('adds a tenant not-ready reason', async () => {
    const res = await send(admin, 'POST', '/api/v1/acd/reasons', { code: 'survey', name: 'Опрос' });
    expect(res.statusCode).toBe(201);
    expect((await send(admin, 'POST', '/api/v1/acd/reasons', { code: 'Bad Code', name: 'x' })).statusCode).toBe(400);
  });
});
