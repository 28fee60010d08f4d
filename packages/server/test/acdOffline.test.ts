import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { connect } from './support/wsClient.ts';

describe(`an agent whose last WebSocket is gone goes offline (${dbKind})`, () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    process.env.LINIA_AGENT_OFFLINE_SECONDS = '1';
    t = await testApp();
    delete process.env.LINIA_AGENT_OFFLINE_SECONDS;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  const state = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/v1/acd/me', headers: { cookie } })).json().agent.state;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('after the configured time without any socket, not before, and not while another socket is open', async () => {
    const op = await t.login('operator3');
    const first = await connect(base, op);
    const second = await connect(base, op);
    await t.app.inject({ method: 'POST', url: '/api/v1/acd/me/state', headers: { cookie: op }, payload: { state: 'ready' } });
    first.socket.close();
    await sleep(1500);
    expect(await state(op)).toBe('ready');
    second.socket.close();
    await sleep(400);
    // A reconnect within the grace time keeps the agent.
    const third = await connect(base, op);
    await sleep(1200);
    expect(await state(op)).toBe('ready');
    third.socket.close();
    await sleep(1800);
    expect(await state(op)).toBe('offline');
  });

  it('also an agent put in a state through the API who never opened a socket; a socket opened in time keeps it', async () => {
    const [apiOnly, late] = await Promise.all([t.login('operator1'), t.login('operator2')]);
    const set = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/acd/me/state', headers: { cookie }, payload: body });
    expect((await set(apiOnly, { state: 'ready' })).statusCode).toBe(200);
    expect((await set(late, { state: 'notReady', reason: 'break' })).statusCode).toBe(200);
    await sleep(400);
    expect(await state(apiOnly)).toBe('ready');
    // The other one opens the desk within the offline time: its timer is cancelled.
    const ws = await connect(base, late);
    await ws.next((f) => f.type === 'hello');
    await sleep(1500);
    expect(await state(apiOnly)).toBe('offline');
    expect(await state(late)).toBe('notReady');
    // Back from offline through the API, still without a socket: the timer runs again.
    ws.socket.close();
    expect((await set(apiOnly, { state: 'notReady', reason: 'lunch' })).statusCode).toBe(200);
    await sleep(1600);
    expect(await state(apiOnly)).toBe('offline');
    expect(await state(late)).toBe('offline');
  });

  it('not an agent an integration drives with an API token (a softphone connector) — until a person changes its state', async () => {
    const admin = await t.login('admin');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: admin }, payload: { name: 'Софтфон', role: 'group_lead' } });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    const op = await t.login('operator4');
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: op } })).json();
    const agentId = me.id ?? me.user.id;
    const byToken = await t.app.inject({ method: 'POST', url: `/api/v1/acd/agents/${agentId}/state`, headers: bearer, payload: { state: 'ready' } });
    expect(byToken.statusCode, byToken.body).toBe(200);
    await sleep(1800);
    expect(await state(op)).toBe('ready');
    // The agent itself changes it through the API, without a socket: the timer applies again.
    await t.app.inject({ method: 'POST', url: '/api/v1/acd/me/state', headers: { cookie: op }, payload: { state: 'notReady', reason: 'break' } });
    await sleep(1800);
    expect(await state(op)).toBe('offline');
  });
});
