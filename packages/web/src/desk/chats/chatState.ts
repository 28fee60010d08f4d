import type { ChatDetail, ChatEvent, ChatMessage, ChatSummary } from './types.ts';

/**
 * How live chat events change what the browser holds. Pure, so the rules are tested without a
 * socket (packages/web/test/chatState.test.ts): a message arrives at most once however often it
 * is delivered (the WebSocket and a refetch after a reconnect may both bring it), and messages
 * stay in the server's order (seq), not the order they happened to arrive in.
 */

const CHAT_EVENTS = new Set(['chat.message', 'chat.typing', 'chat.read', 'chat.presence', 'chat.ended']);

/** The event as a chat event, or null for anything else on the socket. */
export function asChatEvent(type: string, data: unknown): ChatEvent | null {
  if (!CHAT_EVENTS.has(type) || !data || typeof data !== 'object' || typeof (data as { contactId?: unknown }).contactId !== 'string') return null;
  return { type, data } as ChatEvent;
}

/** The transcript with `m` in its place by seq; a message already there (same id or seq) is replaced, not repeated. */
export function withMessage(messages: readonly ChatMessage[], m: ChatMessage): ChatMessage[] {
  const rest = messages.filter((x) => x.id !== m.id && x.seq !== m.seq);
  const at = rest.findIndex((x) => x.seq > m.seq);
  return at === -1 ? [...rest, m] : [...rest.slice(0, at), m, ...rest.slice(at)];
}

/** Highest seq of the customer's messages: what the agent has read once the chat is on screen. */
export function lastCustomerSeq(messages: readonly ChatMessage[]): number {
  let seq = 0;
  for (const m of messages) if (m.author === 'customer' && m.seq > seq) seq = m.seq;
  return seq;
}

/** An agent's message is delivered once the server numbered it, read once the customer's read mark covers it. */
export function tickOf(m: ChatMessage, customerReadSeq: number): 'read' | 'delivered' | null {
  if (m.author !== 'agent') return null;
  return m.seq <= customerReadSeq ? 'read' : 'delivered';
}

export function applyToDetail(d: ChatDetail, e: ChatEvent): ChatDetail {
  if (e.data.contactId !== d.contactId) return d;
  switch (e.type) {
    case 'chat.message': {
      const fromCustomer = e.data.message.author === 'customer';
      return {
        ...d,
        messages: withMessage(d.messages, e.data.message),
        lastMessage: !d.lastMessage || d.lastMessage.seq <= e.data.message.seq ? e.data.message : d.lastMessage,
        // A customer who sent a message has stopped typing it.
        customerTyping: fromCustomer ? false : d.customerTyping,
        agentTyping: fromCustomer ? d.agentTyping : false,
      };
    }
    case 'chat.typing':
      return e.data.who === 'customer' ? { ...d, customerTyping: e.data.typing } : { ...d, agentTyping: e.data.typing };
    case 'chat.read':
      return e.data.by === 'customer'
        ? { ...d, customerReadSeq: Math.max(d.customerReadSeq, e.data.seq) }
        : { ...d, agentReadSeq: Math.max(d.agentReadSeq, e.data.seq) };
    case 'chat.presence':
      return { ...d, customerOnline: e.data.customerOnline };
    case 'chat.ended':
      return { ...d, status: 'ended', endedBy: e.data.by, customerTyping: false, agentTyping: false };
  }
}

/**
 * The operator's list after an event. `visibleId` is the chat on screen: its new customer
 * messages are being read, so they do not count as unread. Returns null when the event is about a
 * chat the list does not hold yet (a new one): the caller re-reads the list.
 */
export function applyToSummaries(list: readonly ChatSummary[], e: ChatEvent, visibleId: string | null): ChatSummary[] | null {
  const i = list.findIndex((c) => c.contactId === e.data.contactId);
  if (i === -1) return null;
  const c = list[i]!;
  let next: ChatSummary;
  switch (e.type) {
    case 'chat.message': {
      const m = e.data.message;
      const fresh = !c.lastMessage || c.lastMessage.seq < m.seq;
      const counts = fresh && m.author === 'customer' && c.contactId !== visibleId;
      next = {
        ...c,
        lastMessage: fresh ? m : c.lastMessage,
        unread: counts ? c.unread + 1 : c.unread,
        customerTyping: m.author === 'customer' ? false : c.customerTyping,
      };
      break;
    }
    case 'chat.typing':
      next = e.data.who === 'customer' ? { ...c, customerTyping: e.data.typing } : c;
      break;
    case 'chat.read':
      // The agent's read mark reaching the last message clears the count (another tab of the same agent may have read it).
      next = e.data.by === 'agent' && (!c.lastMessage || e.data.seq >= c.lastMessage.seq) ? { ...c, unread: 0 } : c;
      break;
    case 'chat.presence':
      next = { ...c, customerOnline: e.data.customerOnline };
      break;
    case 'chat.ended':
      next = { ...c, status: 'ended', endedBy: e.data.by, customerTyping: false };
      break;
  }
  return [...list.slice(0, i), next, ...list.slice(i + 1)];
}
