import { describe, expect, it } from 'vitest';
import { applyToDetail, applyToSummaries, asChatEvent, lastCustomerSeq, tickOf, withMessage } from '../src/desk/chats/chatState.ts';
import type { ChatDetail, ChatEvent, ChatMessage, ChatSummary } from '../src/desk/chats/types.ts';

const msg = (seq: number, author: ChatMessage['author'] = 'customer', id = `m${seq}`): ChatMessage => ({
  id, seq, author, authorName: author === 'agent' ? 'Ирина' : null, body: `text ${seq}`, createdAt: '2026-11-23T10:00:00Z', attachment: null,
});

const summary = (contactId: string, over: Partial<ChatSummary> = {}): ChatSummary => ({
  contactId, status: 'active', customerName: 'Пётр', topic: 'Интернет', startedAt: '2026-11-23T10:00:00Z', endedAt: null, endedBy: null,
  customerOnline: true, customerTyping: false, unread: 0, lastMessage: msg(2), ...over,
});

const detail = (over: Partial<ChatDetail> = {}): ChatDetail => ({ ...summary('c1'), messages: [msg(1), msg(2, 'agent')], customerReadSeq: 0, agentReadSeq: 1, ...over });

const message = (contactId: string, m: ChatMessage): ChatEvent => ({ type: 'chat.message', data: { contactId, message: m } });

describe('chat transcript merging', () => {
  it('keeps messages in seq order whatever order they arrive in', () => {
    const merged = withMessage(withMessage([msg(1)], msg(3)), msg(2));
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('never shows a message twice when the socket and a refetch both bring it', () => {
    const once = withMessage([msg(1), msg(2)], msg(2));
    expect(once).toHaveLength(2);
    // The same message under the same id (e.g. re-delivered after a reconnect) replaces the old copy.
    const edited = withMessage([msg(1), msg(2)], { ...msg(2), body: 'fixed' });
    expect(edited.map((m) => m.body)).toEqual(['text 1', 'fixed']);
  });

  it('reads the last customer message for the read mark, ignoring the agent’s own', () => {
    expect(lastCustomerSeq([msg(1), msg(2, 'agent'), msg(3), msg(4, 'agent')])).toBe(3);
    expect(lastCustomerSeq([msg(1, 'agent')])).toBe(0);
  });

  it('ticks the agent’s messages: delivered, then read once the customer’s mark covers them', () => {
    expect(tickOf(msg(5, 'agent'), 4)).toBe('delivered');
    expect(tickOf(msg(5, 'agent'), 5)).toBe('read');
    expect(tickOf(msg(5, 'customer'), 9)).toBeNull();
  });
});

describe('chat events applied to one chat', () => {
  it('adds a message and clears the sender’s typing mark', () => {
    const d = applyToDetail(detail({ customerTyping: true }), message('c1', msg(3)));
    expect(d.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(d.customerTyping).toBe(false);
    expect(d.lastMessage?.seq).toBe(3);
  });

  it('ignores events of other chats', () => {
    const d = detail();
    expect(applyToDetail(d, message('c2', msg(3)))).toBe(d);
  });

  it('moves read marks only forward (events can arrive late)', () => {
    let d = applyToDetail(detail(), { type: 'chat.read', data: { contactId: 'c1', by: 'customer', seq: 5 } });
    d = applyToDetail(d, { type: 'chat.read', data: { contactId: 'c1', by: 'customer', seq: 3 } });
    expect(d.customerReadSeq).toBe(5);
    expect(d.agentReadSeq).toBe(1);
  });

  it('tracks typing of either side, presence and the end', () => {
    let d = applyToDetail(detail(), { type: 'chat.typing', data: { contactId: 'c1', who: 'agent', typing: true } });
    expect(d.agentTyping).toBe(true);
    expect(d.customerTyping).toBe(false);
    d = applyToDetail(d, { type: 'chat.presence', data: { contactId: 'c1', customerOnline: false } });
    expect(d.customerOnline).toBe(false);
    d = applyToDetail(d, { type: 'chat.ended', data: { contactId: 'c1', by: 'customer' } });
    expect(d).toMatchObject({ status: 'ended', endedBy: 'customer', agentTyping: false });
  });
});

describe('chat events applied to the operator’s list', () => {
  const list = [summary('c1'), summary('c2')];

  it('counts a customer message as unread unless that chat is on screen', () => {
    expect(applyToSummaries(list, message('c2', msg(3)), 'c1')![1]!.unread).toBe(1);
    expect(applyToSummaries(list, message('c1', msg(3)), 'c1')![0]!.unread).toBe(0);
    // The agent's own message is never unread.
    expect(applyToSummaries(list, message('c2', msg(3, 'agent')), 'c1')![1]!.unread).toBe(0);
  });

  it('does not count the same message twice', () => {
    const once = applyToSummaries(list, message('c2', msg(3)), null)!;
    expect(applyToSummaries(once, message('c2', msg(3)), null)![1]!.unread).toBe(1);
  });

  it('clears the count when the agent’s read mark reaches the last message', () => {
    const unread = [summary('c1', { unread: 2, lastMessage: msg(4) })];
    expect(applyToSummaries(unread, { type: 'chat.read', data: { contactId: 'c1', by: 'agent', seq: 3 } }, null)![0]!.unread).toBe(2);
    expect(applyToSummaries(unread, { type: 'chat.read', data: { contactId: 'c1', by: 'agent', seq: 4 } }, null)![0]!.unread).toBe(0);
    expect(applyToSummaries(unread, { type: 'chat.read', data: { contactId: 'c1', by: 'customer', seq: 4 } }, null)![0]!.unread).toBe(2);
  });

  it('marks typing and ended chats, and asks for a re-read for a chat it does not hold', () => {
    expect(applyToSummaries(list, { type: 'chat.typing', data: { contactId: 'c2', who: 'customer', typing: true } }, null)![1]!.customerTyping).toBe(true);
    expect(applyToSummaries(list, { type: 'chat.ended', data: { contactId: 'c1', by: 'agent' } }, null)![0]!.status).toBe('ended');
    expect(applyToSummaries(list, message('c9', msg(1)), null)).toBeNull();
  });

  it('recognises only chat events with a contact id', () => {
    expect(asChatEvent('chat.typing', { contactId: 'c1', who: 'customer', typing: true })).not.toBeNull();
    expect(asChatEvent('acd.changed', { contactId: 'c1' })).toBeNull();
    expect(asChatEvent('chat.message', { message: msg(1) })).toBeNull();
  });
});
