import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@linia/engine';
import { checkScenario } from '../src/simulation/check.ts';
import { startLive } from '../src/simulation/live/run.ts';
import { testApp, type TestApp } from './support/harness.ts';
import { OTHER } from './support/fixtures.ts';

// The live simulator against a real server on a real port (HTTP + WebSockets), in a queue of its
// own so the demo operators of the fixture take no part: every contact offered, answered, ended.
let t: TestApp;
let url: string;
let token: string;
let queueName: string;

beforeAll(async () => {
  t = await testApp();
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const admin = await t.login('admin');
  const hotline = (await t.call('GET', '/api/v1/hotlines?limit=1', undefined, admin)).json().items[0];
  queueName = `sim-live-${Date.now()}`;
  const q = await t.call('POST', '/api/v1/acd/queues', { hotlineId: hotline.id, name: queueName, channel: 'voice', wrapUpSeconds: 5, offerTimeoutSeconds: 30 }, admin);
  expect(q.statusCode).toBe(201);
  const tok = await t.call('POST', '/api/v1/api-tokens', { name: 'live simulator', role: 'admin' }, admin);
  expect(tok.statusCode).toBe(201);
  token = tok.json().secret;
});
afterAll(async () => t.close());

/** A checked scenario (defaults filled in), as the CLI hands it to the driver. */
function checked(raw: unknown): Scenario {
  const c = checkScenario(raw);
  if ('problems' in c) throw new Error(c.problems.join('; '));
  return c.scenario;
}

const tiny = (queue: string): Scenario =>
  checked({
    seed: 3, intervalSeconds: 60, intervals: 1, serviceLevelSeconds: 30,
    queues: [{ id: queue, channel: 'voice', strategy: 'longestIdle' }],
    arrivals: [{ queueId: queue, callsPerInterval: 8, handleTime: { kind: 'fixed', seconds: 10 }, wrapUpTime: { kind: 'fixed', seconds: 2 } }],
    agents: [{ idPrefix: 'live-a', count: 3, skills: { billing: 3 }, queues: [queue], shifts: [{ startSeconds: 0, endSeconds: 3600 }], answerDelaySeconds: 2 }],
  });

describe('linia simulate --live (the driver)', () => {
  it('plays a tiny scenario through the API and WebSockets: every contact offered and answered', async () => {
    const run = startLive(tiny(queueName), { url, token, speed: 20, drainMs: 3_600_000 });
    const r = await run.done;
    const s = r.summary;
    expect(s.offered).toBeGreaterThan(0);
    expect(s.answered).toBe(s.offered);
    expect(s.abandoned).toBe(0);
    expect(r.unfinished).toBe(0);
    // released = handled: each contact ended and wrapped up, its handle time ≈ 10 s talk + 2 s wrap-up (simulated)
    expect(s.ahtSeconds).toBeGreaterThan(9);
    expect(s.ahtSeconds).toBeLessThan(30);
    expect(r.live.offerLatency.count).toBe(s.offered);
    expect(r.live.offerLatency.p50Ms).toBeGreaterThan(0);
    expect(s.occupancy).toBeGreaterThan(0);

    // what the server did: the agents are users sim-…, the contacts are in its journal, answered by them
    const admin = await t.login('admin');
    const users = (await t.call('GET', '/api/v1/users?q=sim-live-a&limit=50', undefined, admin)).json().items;
    expect(users.map((u: { login: string }) => u.login).sort()).toEqual(['sim-live-a1', 'sim-live-a2', 'sim-live-a3']);
    const board = (await t.call('GET', '/api/v1/acd/wallboard', undefined, admin)).json();
    const q = board.queues.find((x: { name: string }) => x.name === queueName);
    expect(q).toMatchObject({ waiting: 0, members: 3 });
    // the run signed its agents off at the end
    const simAgents = board.agents.filter((a: { agentId: string }) => users.some((u: { id: string }) => u.id === a.agentId));
    expect(simAgents.map((a: { state: string }) => a.state)).toEqual(['offline', 'offline', 'offline']);
  }, 60_000);

  it('runs again on the same tenant (users kept, passwords renewed), and names an unknown queue', async () => {
    const again = await startLive(tiny(queueName), { url, token, speed: 20, drainMs: 3_600_000 }).done;
    expect(again.summary.answered).toBe(again.summary.offered);
    await expect(startLive(tiny('no-such-queue'), { url, token, speed: 20, drainMs: 3_600_000 }).done).rejects.toThrow(/no queue named or numbered "no-such-queue"/);
  }, 60_000);

  it('runs live on the demo center from the screen: start, progress, stop; the agents sign off', async () => {
    const planner = await t.login('planner');
    expect((await t.call('GET', '/api/v1/simulation/live', undefined, planner)).json().running).toBe(false);
    const started = await t.call('POST', '/api/v1/simulation/live', undefined, planner);
    expect(started.statusCode).toBe(202);
    expect((await t.call('POST', '/api/v1/simulation/live', undefined, planner)).statusCode).toBe(409);
    // the demo scenario's agents come up ready on the wallboard
    const admin = await t.login('admin');
    let ready = 0;
    for (let i = 0; i < 100 && ready === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const board = (await t.call('GET', '/api/v1/acd/wallboard', undefined, admin)).json();
      ready = board.agents.filter((a: { name: string; state: string }) => a.name.startsWith('Sim demo-') && a.state === 'ready').length;
    }
    expect(ready).toBeGreaterThan(0);
    const going = (await t.call('GET', '/api/v1/simulation/live', undefined, planner)).json();
    expect(going.running).toBe(true);
    expect(going.result.summary.offered).toBeGreaterThanOrEqual(0);
    expect((await t.call('DELETE', '/api/v1/simulation/live', undefined, planner)).statusCode).toBe(204);
    let status = going;
    for (let i = 0; i < 100 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await t.call('GET', '/api/v1/simulation/live', undefined, planner)).json();
    }
    expect(status).toMatchObject({ running: false, error: null });
    const board = (await t.call('GET', '/api/v1/acd/wallboard', undefined, admin)).json();
    const sims = board.agents.filter((a: { name: string }) => a.name.startsWith('Sim demo-'));
    expect(sims.length).toBe(9);
    expect(sims.every((a: { state: string }) => a.state === 'offline')).toBe(true);
    // its token was revoked when the run ended
    const tokens = (await t.call('GET', '/api/v1/api-tokens', undefined, admin)).json().items;
    expect(tokens.find((x: { name: string }) => x.name.startsWith('live simulation (demo')).revokedAt).not.toBeNull();
  }, 60_000);

  it('is not offered to another tenant: its users and contacts are real', async () => {
    const other = await t.login(OTHER.admin, OTHER.password);
    expect((await t.call('GET', '/api/v1/simulation/live', undefined, other)).statusCode).toBe(409);
    expect((await t.call('POST', '/api/v1/simulation/live', undefined, other)).statusCode).toBe(409);
  });
});
