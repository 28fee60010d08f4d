import { eq } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import type { ChatAuthor, ChatMessage } from './contracts.ts';
import { chatSessions } from './schema.ts';
import { appendMessage, messageByClientId, type NewMessage, type Sent } from './messages.ts';

/**
 * The transcript's system lines ("Ivan Petrov joined the chat", "The chat was ended by the
 * customer"): rows of contact_messages with author `system`, stored language-neutral — the body is
 * the line's kind (one of SYSTEM_LINE_KINDS) and `author_name` the agent's name where the line
 * names one — and rendered per UI language by each reader (widget, desk, journal). Each line has a
 * fixed client id, so however often and wherever it is written, it is stored once (docs/CHAT.md).
 */
export const SYSTEM_LINE_KINDS = ['agentJoined', 'endedByAgent', 'endedByCustomer', 'customerLeft', 'endedBySystem'] as const;
export type SystemLineKind = (typeof SYSTEM_LINE_KINDS)[number];

type ContactFacts = Pick<typeof contacts.$inferSelect, 'id' | 'answeredAt' | 'agentId'>;

async function nameOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

async function writeLine(tx: Tx, contactId: string, kind: SystemLineKind, key: string, authorName: string | null, createdAt?: Date): Promise<ChatMessage | null> {
  const clientId = `system:${key}`;
  // The chat's row lock first: two writers of the same line (the routing node and a message) queue
  // here, and the second finds the first's line instead of taking a seq it would not use.
  await tx.select({ id: chatSessions.id }).from(chatSessions).where(eq(chatSessions.contactId, contactId)).for('update');
  if (await messageByClientId(tx, contactId, clientId)) return null;
  const line: NewMessage = { author: 'system', authorName, body: kind, clientId, ...(createdAt ? { createdAt } : {}) };
  const sent = await appendMessage(tx, contactId, line);
  return sent.duplicate ? null : sent.message;
}

/**
 * "<agent> joined the chat", once per agent who accepted it, dated at the accept. Written by
 * whichever comes first after the accept's commit: the routing node hearing the ACD's
 * `contactConnected`, or any message or end of the chat (each in its own transaction, before its
 * own row) — so it always precedes what followed the accept. Null when not (newly) written.
 */
export async function ensureJoinedLine(tx: Tx, contactId: string): Promise<ChatMessage | null> {
  const [c] = await tx.select({ id: contacts.id, answeredAt: contacts.answeredAt, agentId: contacts.agentId }).from(contacts).where(eq(contacts.id, contactId));
  return c ? joinedLine(tx, c) : null;
}

async function joinedLine(tx: Tx, c: ContactFacts): Promise<ChatMessage | null> {
  if (!c.answeredAt || !c.agentId) return null;
  return writeLine(tx, c.id, 'agentJoined', `agentJoined:${c.agentId}`, await nameOf(tx, c.agentId), c.answeredAt);
}

/** A chat message after the "joined" line (written first if missing): the lines new to the transcript are `before`. */
export async function appendAfterJoin(tx: Tx, contactId: string, m: NewMessage): Promise<Sent> {
  if (m.clientId) {
    const found = await messageByClientId(tx, contactId, m.clientId);
    if (found) return { message: found, duplicate: true, before: [] };
  }
  const joined = await ensureJoinedLine(tx, contactId);
  const sent = await appendMessage(tx, contactId, m);
  return { ...sent, before: joined ? [joined] : [] };
}

/** Which end line a chat gets: the customer before anyone joined has left the queue. */
export function endKind(by: ChatAuthor, answered: boolean): SystemLineKind {
  if (by === 'agent') return 'endedByAgent';
  if (by === 'customer') return answered ? 'endedByCustomer' : 'customerLeft';
  return 'endedBySystem';
}

/** The chat's end line (after the joined line if that is missing), in the end's own transaction: the new lines in order. */
export async function endLines(tx: Tx, contactId: string, by: ChatAuthor, now: Date): Promise<ChatMessage[]> {
  const [c] = await tx.select({ id: contacts.id, answeredAt: contacts.answeredAt, agentId: contacts.agentId }).from(contacts).where(eq(contacts.id, contactId));
  if (!c) return [];
  const joined = await joinedLine(tx, c);
  const kind = endKind(by, c.answeredAt !== null);
  const ended = await writeLine(tx, contactId, kind, 'ended', kind === 'endedByAgent' ? await nameOf(tx, c.agentId) : null, now);
  return [joined, ended].filter((m): m is ChatMessage => m !== null);
}

