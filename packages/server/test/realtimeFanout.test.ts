import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope } from '../src/realtime/envelope.ts';
import { TopicIndex } from '../src/realtime/topicIndex.ts';
import { OTHER } from './support/fixtures.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { connect } from './support/wsClient.ts';

type Client = Awaited<ReturnType<typeof connect>>;
const events = (c: Client, type: string) => c.frames.filter((f) => f.type === 'event' && (f.event as { type: string }).type === type);
const settle = () => new Promise((r) => setTimeout(r, 150));

/** The hub delivers by an index of tenant and topic (realtime/topicIndex.ts): it must stay right as sockets come, subscribe, unsubscribe and go. */
describe(`WebSocket fan-out by topic (${dbKind})`, () => {
  let t: TestApp;
  let base: string;
  let tenantId: string;
  beforeAll(async () => {
    t = await testApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('among many sockets, those subscribed to a topic get its events and those unsubscribed or gone do not', async () => {
    const lead = await t.login('lead');
    tenantId = (await t.call('GET', '/api/v1/auth/me', undefined, lead)).json().tenant.id;
    const sockets: Client[] = [];
    for (let i = 0; i < 40; i++) sockets.push(await connect(base, lead));
    const foreign = await connect(base, await t.login(OTHER.admin, OTHER.password));
    for (const s of [...sockets, foreign]) await s.next((f) => f.type === 'hello');
    for (const s of [...sockets, foreign]) s.send({ type: 'subscribe', topics: ['wallboard'] });
    for (const s of [...sockets, foreign]) expect(await s.next((f) => f.type === 'subscribed')).toMatchObject({ topics: ['wallboard'] });
    const stayed = sockets.filter((_, i) => i % 2 === 0);
    const left = sockets.filter((_, i) => i % 2 === 1);
    for (const s of left) s.send({ type: 'unsubscribe', topics: ['wallboard'] });
    for (const s of left) await s.next((f) => f.type === 'unsubscribed');

    await t.bus.publish(envelope(tenantId, 'wallboard', 'test.first', {}));
    for (const s of stayed) await s.next((f) => f.type === 'event');
    await settle();
    expect(stayed.map((s) => events(s, 'test.first').length)).toEqual(stayed.map(() => 1));
    expect(left.map((s) => events(s, 'test.first').length)).toEqual(left.map(() => 0));
    expect(events(foreign, 'test.first')).toEqual([]);

    // One that unsubscribed subscribes again; half of those that stayed close.
    left[0]!.send({ type: 'subscribe', topics: ['wallboard'] });
    await expect.poll(() => left[0]!.frames.filter((f) => f.type === 'subscribed').length).toBe(2);
    const closing = stayed.slice(0, 10);
    for (const s of closing) s.socket.close();
    await settle();
    await t.bus.publish(envelope(tenantId, 'wallboard', 'test.second', {}));
    const listening = [...stayed.slice(10), left[0]!];
    for (const s of listening) await s.next((f) => f.type === 'event' && (f.event as { type: string }).type === 'test.second');
    await settle();
    expect(left.slice(1).every((s) => events(s, 'test.second').length === 0)).toBe(true);
    expect(listening.every((s) => events(s, 'test.second').length === 1)).toBe(true);

    // A node-to-node notice (auth.revoked) is on a topic no socket may hear.
    stayed[15]!.send({ type: 'subscribe', topics: ['auth'] });
    expect(await stayed[15]!.next((f) => f.type === 'subscribed' && (f.denied as string[]).includes('auth'))).toMatchObject({ topics: [] });
    await t.bus.publish(envelope('', 'auth', 'auth.revoked', { sessionId: 'x' }));
    await t.bus.publish(envelope(tenantId, 'auth', 'auth.revoked', { sessionId: 'x' }));
    await settle();
    expect([...sockets, foreign].every((s) => events(s, 'auth.revoked').length === 0)).toBe(true);
    for (const s of [...sockets, foreign]) s.socket.close();
  });
});

describe('topic index', () => {
  it('finds listeners by tenant and topic and forgets empty topics', () => {
    const index = new TopicIndex<string>();
    index.add('t1', 'wallboard', 'a');
    index.add('t1', 'wallboard', 'b');
    index.add('t2', 'wallboard', 'c');
    index.add('t1', 'user:1', 'a');
    expect(index.listeners('t1', 'wallboard').sort()).toEqual(['a', 'b']);
    expect(index.listeners('t2', 'wallboard')).toEqual(['c']);
    expect(index.listeners('t1', 'contacts')).toEqual([]);
    index.remove('t1', 'wallboard', 'a');
    index.remove('t1', 'wallboard', 'a'); // twice is harmless
    expect(index.listeners('t1', 'wallboard')).toEqual(['b']);
    index.remove('t1', 'wallboard', 'b');
    index.remove('t2', 'wallboard', 'c');
    index.remove('t1', 'user:1', 'a');
    expect(index.topicCount).toBe(0);
  });
});
