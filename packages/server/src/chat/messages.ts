import { and, asc, count, eq, gt, gte, min, sql } from 'drizzle-orm';
import { FLOOD_WINDOW_MS, floodRetryAfter } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { HttpProblem } from '../http/problem.ts';
import { contactAttachments, contactMessages } from '../contacts/schema.ts';
import { refreshContactSearch } from '../contacts/service.ts';
import type { ChatAuthor, ChatMessage } from './contracts.ts';
import { chatSessions } from './schema.ts';

type MessageRow = typeof contactMessages.$inferSelect;
type AttachmentRow = Pick<typeof contactAttachments.$inferSelect, 'id' | 'fileName' | 'size' | 'contentType'>;

export function toChatMessage(m: MessageRow, a: AttachmentRow | null): ChatMessage {
  return {
    id: m.id,
    seq: m.seq ?? 0,
    author: m.author,
    authorName: m.authorName,
    body: m.body,
    clientId: m.clientMessageId,
    createdAt: m.createdAt.toISOString(),
    attachment: a ? { id: a.id, fileName: a.fileName, size: a.size, contentType: a.contentType } : null,
  };
}

const attachmentColumns = { id: contactAttachments.id, fileName: contactAttachments.fileName, size: contactAttachments.size, contentType: contactAttachments.contentType };

/** A chat's messages after `afterSeq`, in order (a reconnecting side asks for what it missed). */
export async function listMessages(tx: Tx, contactId: string, afterSeq = 0, limit = 1000): Promise<ChatMessage[]> {
  const rows = await tx
    .select({ m: contactMessages, a: attachmentColumns })
    .from(contactMessages)
    .leftJoin(contactAttachments, eq(contactAttachments.id, contactMessages.attachmentId))
    .where(and(eq(contactMessages.contactId, contactId), gt(contactMessages.seq, afterSeq)))
    .orderBy(asc(contactMessages.seq))
    .limit(limit);
  return rows.map((r) => toChatMessage(r.m, r.a?.id ? r.a : null));
}

export async function lastMessage(tx: Tx, contactId: string): Promise<ChatMessage | null> {
  const [session] = await tx.select({ lastSeq: chatSessions.lastSeq }).from(chatSessions).where(eq(chatSessions.contactId, contactId));
  if (!session || session.lastSeq === 0) return null;
  return (await listMessages(tx, contactId, session.lastSeq - 1, 1))[0] ?? null;
}

const sqlIncrement = sql`${chatSessions.lastSeq} + 1`;

export interface NewMessage {
  author: ChatAuthor;
  authorName: string | null;
  body: string;
  clientId?: string | undefined;
  attachmentId?: string | null;
  /** Set for a system line dated at what it describes (the accept), not at when it was written. */
  createdAt?: Date;
}

/** A message appended: `before` are system lines written ahead of it in the same transaction (systemLines.ts). */
export interface Sent {
  message: ChatMessage;
  duplicate: boolean;
  before: ChatMessage[];
}

/**
 * Appends a message to a chat in the caller's transaction. The same `clientId` sent again (a
 * resend after a lost reply, a reconnect) returns the stored message instead of a second copy.
 * The session row is locked while its next seq is taken, so concurrent senders get 1, 2, 3 …
 * without gaps or repeats. The contact's search vector is rewritten so journal search finds it.
 * A message of either side goes through systemLines.appendAfterJoin (the "joined" line first).
 */
export async function appendMessage(tx: Tx, contactId: string, m: NewMessage): Promise<Sent> {
  if (m.clientId) {
    const found = await messageByClientId(tx, contactId, m.clientId);
    if (found) return { message: found, duplicate: true, before: [] };
  }
  const [session] = await tx
    .update(chatSessions)
    .set({ lastSeq: sqlIncrement })
    .where(eq(chatSessions.contactId, contactId))
    .returning({ lastSeq: chatSessions.lastSeq });
  if (!session) throw new HttpProblem(404, 'Chat not found');
  // A concurrent resend with the same clientId waited on the row lock above: look again.
  if (m.clientId) {
    const found = await messageByClientId(tx, contactId, m.clientId);
    if (found) return { message: found, duplicate: true, before: [] };
  }
  const [row] = await tx
    .insert(contactMessages)
    .values({ contactId, author: m.author, authorName: m.authorName, body: m.body, seq: session.lastSeq, clientMessageId: m.clientId ?? null, attachmentId: m.attachmentId ?? null, ...(m.createdAt ? { createdAt: m.createdAt } : {}) })
    .returning();
  // System lines are not what was said: journal search needs nothing from them.
  if (m.author !== 'system') await refreshContactSearch(tx, contactId);
  let attachment: AttachmentRow | null = null;
  if (m.attachmentId) [attachment = null] = await tx.select(attachmentColumns).from(contactAttachments).where(eq(contactAttachments.id, m.attachmentId));
  return { message: toChatMessage(row!, attachment), duplicate: false, before: [] };
}

export async function messageByClientId(tx: Tx, contactId: string, clientId: string): Promise<ChatMessage | null> {
  const [r] = await tx
    .select({ m: contactMessages, a: attachmentColumns })
    .from(contactMessages)
    .leftJoin(contactAttachments, eq(contactAttachments.id, contactMessages.attachmentId))
    .where(and(eq(contactMessages.contactId, contactId), eq(contactMessages.clientMessageId, clientId)));
  return r ? toChatMessage(r.m, r.a?.id ? r.a : null) : null;
}

/**
 * The flood limit of a chat: at most `perMinute` customer messages in the last minute. Counted in
 * the database, so it holds however many nodes the customer's requests reach. Refused with 429
 * and Retry-After: the seconds until the oldest counted message leaves the window.
 */
export async function checkFlood(tx: Tx, contactId: string, perMinute: number, now: Date): Promise<void> {
  const since = new Date(now.getTime() - FLOOD_WINDOW_MS);
  const [r] = await tx
    .select({ n: count(), oldest: min(contactMessages.createdAt) })
    .from(contactMessages)
    .where(and(eq(contactMessages.contactId, contactId), eq(contactMessages.author, 'customer'), gte(contactMessages.createdAt, since)));
  const retry = floodRetryAfter(Number(r?.n ?? 0), r?.oldest ? new Date(r.oldest).getTime() : null, perMinute, now.getTime());
  if (retry === null) return;
  throw new HttpProblem(429, `Too many messages: at most ${perMinute} a minute in one chat. Try again in ${retry} s.`, [{ field: 'body', message: `at most ${perMinute} messages a minute` }], { 'retry-after': String(retry) });
}

/** Unread for the agent: the customer's messages after what the agent has read. */
export async function unreadByAgent(tx: Tx, contactId: string, agentReadSeq: number): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(contactMessages)
    .where(and(eq(contactMessages.contactId, contactId), eq(contactMessages.author, 'customer'), gt(contactMessages.seq, agentReadSeq)));
  return Number(r?.n ?? 0);
}
