import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WIDGET_KEY } from '../src/demo/seedChat.ts';
import { dbKind, testApp, type TestApp } from './support/harness.ts';
import { connect } from './support/wsClient.ts';

type Frame = Record<string, unknown>;
const ev = (type: string) => (f: Frame) => f.type === 'event' && (f.event as { type: string }).type === type;
const dataOf = (f: Frame) => (f.event as { data: Record<string, unknown> }).data;

describe(`web chat over WebSockets on a real port (${dbKind})`, () => {
  let t: TestApp;
  let base: string;
  let op1: string;
  let op1Id: string;
  beforeAll(async () => {
    t = await testApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    op1 = await t.login('operator1');
    const me = (await t.call('GET', '/api/v1/auth/me', undefined, op1)).json();
    op1Id = me.id ?? me.user.id;
  });
  afterAll(() => t.close());

  const start = async (name: string, contact: string) => {
    const res = await t.call('POST', `/api/v1/chat/widgets/${DEMO_WIDGET_KEY}/chats`, { name, contact });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; state: { contactId: string; position: number } };
  };
  const customerSocket = (token: string, after = 0) => connect(base, undefined, `/api/v1/chat/ws?token=${encodeURIComponent(token)}&after=${after}`);
  const say = (token: string, body: string, clientId?: string) =>
    t.call('POST', '/api/v1/chat/session/messages', { body, ...(clientId ? { clientId } : {}) }, undefined, { 'x-chat-token': token });

  it('tells the waiting customer the place in line live, then the agent; messages, typing, presence and reads flow both ways', async () => {
    const first = await start('Первый', '+79990000001');
    const second = await start('Второй', '+79990000002');
    expect(second.state.position).toBe(2);
    const cs = await customerSocket(second.token);
    expect(cs.opened).toBe(true);
    const hello = await cs.next((f) => f.type === 'hello');
    expect(hello).toMatchObject({ state: { status: 'waiting', position: 2 }, messages: [] });

    // The first customer leaves: the second moves up without asking.
    await t.call('POST', '/api/v1/chat/session/end', undefined, undefined, { 'x-chat-token': first.token });
    await cs.next((f) => f.type === 'queue' && f.position === 1, 6000);

    const agent = await connect(base, op1);
    await agent.next((f) => f.type === 'hello');
    await t.call('POST', '/api/v1/acd/me/state', { state: 'ready' }, op1);
    await agent.next(ev('acd.offer'));
    expect((await t.call('POST', `/api/v1/acd/offers/${second.state.contactId}/accept`, undefined, op1)).statusCode).toBe(200);
    const accepted = await cs.next((f) => f.type === 'state' && (f.state as { status: string }).status === 'active');
    expect(accepted).toMatchObject({ state: { agentName: 'Дмитрий Иванов', position: null } });
    // The accept's system line reaches both sides as a message of its own (kind + name; each side words it).
    const joined = { author: 'system', body: 'agentJoined', authorName: 'Дмитрий Иванов', seq: 1 };
    expect(await cs.next((f) => f.type === 'message')).toMatchObject({ message: joined });
    expect(dataOf(await agent.next(ev('chat.message')))).toMatchObject({ message: joined });

    // Customer → agent: message and typing on the agent's own topic.
    cs.send({ type: 'typing', typing: true });
    const typing = await agent.next(ev('chat.typing'));
    expect(typing.topic).toBe(`user:${op1Id}`);
    expect(dataOf(typing)).toMatchObject({ contactId: second.state.contactId, who: 'customer', typing: true });
    expect((await t.call('GET', '/api/v1/chats/mine', undefined, op1)).json().items[0]).toMatchObject({ customerTyping: true, customerOnline: true });
    expect((await say(second.token, 'Здравствуйте')).statusCode).toBe(201);
    expect(dataOf(await agent.next((f) => ev('chat.message')(f) && (dataOf(f).message as { author: string }).author === 'customer'))).toMatchObject({ message: { body: 'Здравствуйте', seq: 2 } });

    // Agent → customer: typing, message, read.
    await t.call('POST', `/api/v1/chats/${second.state.contactId}/typing`, { typing: true }, op1);
    await cs.next((f) => f.type === 'typing' && f.typing === true);
    await t.call('POST', `/api/v1/chats/${second.state.contactId}/messages`, { body: 'Добрый день! Слушаю вас.' }, op1);
    expect(await cs.next((f) => f.type === 'message' && (f.message as { author: string }).author === 'agent')).toMatchObject({ message: { seq: 3 } });
    await t.call('POST', `/api/v1/chats/${second.state.contactId}/read`, { seq: 2 }, op1);
    await cs.next((f) => f.type === 'read' && f.seq === 2);
    cs.send({ type: 'read', seq: 3 });
    expect(dataOf(await agent.next((f) => ev('chat.read')(f) && dataOf(f).by === 'customer'))).toMatchObject({ seq: 3 });

    // The customer's page goes away: offline for the agent. Meanwhile the agent writes.
    cs.socket.close();
    expect(dataOf(await agent.next((f) => ev('chat.presence')(f) && dataOf(f).customerOnline === false))).toMatchObject({ contactId: second.state.contactId });
    await t.call('POST', `/api/v1/chats/${second.state.contactId}/messages`, { body: 'Вы ещё здесь?' }, op1);

    // Back with the last seq it had: exactly what it missed, nothing twice.
    const again = await customerSocket(second.token, 3);
    const resumed = await again.next((f) => f.type === 'hello');
    expect((resumed.messages as { seq: number; body: string }[]).map((m) => [m.seq, m.body])).toEqual([[4, 'Вы ещё здесь?']]);
    await agent.next((f) => ev('chat.presence')(f) && dataOf(f).customerOnline === true);

    // The customer ends: the agent hears it and goes to wrap-up; the widget gets the survey.
    await t.call('POST', '/api/v1/chat/session/end', undefined, undefined, { 'x-chat-token': second.token });
    expect(dataOf(await agent.next(ev('chat.ended')))).toMatchObject({ contactId: second.state.contactId, by: 'customer' });
    const ended = await again.next((f) => f.type === 'state' && (f.state as { status: string }).status === 'ended');
    expect(ended).toMatchObject({ state: { endedBy: 'customer', survey: { kind: 'csat' } } });
    // The end's line, once, on both sides; a reconnect after it repeats no system line.
    const endLine = { author: 'system', seq: 5, body: 'endedByCustomer' };
    expect(await again.next((f) => f.type === 'message' && (f.message as { seq: number }).seq === 5)).toMatchObject({ message: endLine });
    expect(dataOf(await agent.next((f) => ev('chat.message')(f) && (dataOf(f).message as { seq: number }).seq === 5))).toMatchObject({ message: endLine });
    expect(again.frames.filter((f) => f.type === 'message' && (f.message as { author: string }).author === 'system')).toHaveLength(1);
    const third = await customerSocket(second.token, 5);
    expect(await third.next((f) => f.type === 'hello')).toMatchObject({ messages: [] });
    third.socket.close();
    expect((await t.call('GET', '/api/v1/acd/me', undefined, op1)).json().agent.state).toBe('wrapUp');
    again.socket.close();
    agent.socket.close();
  });

  it('refuses a socket with an unknown token', async () => {
    const s = await customerSocket('not-a-real-token-of-any-chat-000000000');
    const err = await s.next((f) => f.type === 'error');
    expect(err).toMatchObject({ status: 404 });
  });
});
