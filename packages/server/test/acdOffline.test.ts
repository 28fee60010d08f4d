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
});
