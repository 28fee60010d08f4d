import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { connect } from './support/wsClient.ts';

describe(`real-time events over the WebSocket (${dbKind})`, () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await testApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('refuses a connection without a session', async () => {
    const ws = await connect(base);
    expect(ws.opened).toBe(false);
  });

  it("delivers a change to the own tenant's sockets only, and filters topics by permission", async () => {
    const admin = await t.login('admin');
    const operator = await connect(base, await t.login('operator2'));
    const foreign = await connect(base, await t.login(OTHER.admin, OTHER.password));
    expect(operator.opened && foreign.opened).toBe(true);
    await operator.next((f) => f.type === 'hello');
    await foreign.next((f) => f.type === 'hello');

    operator.send({ type: 'subscribe', topics: ['wallboard', 'user:someone-else'] });
    const sub = await operator.next((f) => f.type === 'subscribed');
    expect(sub).toMatchObject({ topics: [], denied: ['wallboard', 'user:someone-else'] });

    const res = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: admin }, payload: { name: 'Live' } });
    const event = await operator.next((f) => f.type === 'event');
    expect(event).toMatchObject({ topic: 'tenant', event: { type: 'client.changed', data: { id: res.json().id, action: 'create' } } });
    await new Promise((r) => setTimeout(r, 200));
    expect(foreign.frames.filter((f) => f.type === 'event')).toEqual([]);

    const lead = await connect(base, await t.login('lead'));
    lead.send({ type: 'subscribe', topics: ['wallboard'] });
    expect(await lead.next((f) => f.type === 'subscribed')).toMatchObject({ topics: ['wallboard'], denied: [] });
    lead.send({ type: 'bogus' });
    expect(await lead.next((f) => f.type === 'error')).toBeTruthy();
    for (const ws of [operator, foreign, lead]) ws.socket.close();
  });
});
