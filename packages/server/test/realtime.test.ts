import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';

/** A WebSocket client that records frames and can wait for one matching a predicate. */
export async function connect(base: string, cookie?: string) {
  const frames: Record<string, unknown>[] = [];
  const waiters: { match: (f: Record<string, unknown>) => boolean; resolve: (f: Record<string, unknown>) => void }[] = [];
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws`, { headers: cookie ? { cookie } : {} });
  socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as Record<string, unknown>;
    frames.push(frame);
    for (const w of [...waiters]) if (w.match(frame)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(frame);
    }
  });
  socket.on('error', () => {});
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      socket.terminate();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  const next = (match: (f: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = frames.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`)), ms);
      waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  return { socket, frames, opened, next, send: (m: object) => socket.send(JSON.stringify(m)) };
}

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
