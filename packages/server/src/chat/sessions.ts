import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { chatEndedBy, chatStatus, topicPath } from '@linia/engine';
import { asSystem, withTenant, type Database, type Scope, type Tx } from '../db/index.ts';
import { HttpProblem } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { users } from '../people/schema.ts';
import { hotlines } from '../tenants/schema.ts';
import type { ChatAuthor, ChatStatus, ChatSummary } from './contracts.ts';
import { lastMessage, unreadByAgent } from './messages.ts';
import { chatSessions, chatWidgets } from './schema.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export type SessionRow = typeof chatSessions.$inferSelect;
export type WidgetRow = typeof chatWidgets.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

/** The actor of what an anonymous customer does through the widget (the audit log's "who"). */
export const widgetActor = { kind: 'system' as const, id: null, name: 'web chat' };
export const scopeFor = (tenantId: string, clientId: string | null = null): Scope => ({ tenantId, clientId, actor: widgetActor });

/** A widget by its public key, active only: an unknown or switched-off key is a 404. */
export async function widgetByKey(db: Database, key: string): Promise<WidgetRow> {
  const [w] = await asSystem(db, (tx) => tx.select().from(chatWidgets).where(eq(chatWidgets.publicKey, key)));
  if (!w || !w.active) throw new HttpProblem(404, 'No such chat widget');
  return w;
}

/**
 * The chat behind a token, run in its tenant's transaction. The token is the customer's only
 * credential and reaches this one chat: every customer route and the socket start here.
 */
export async function inChatOf<T>(db: Database, token: string | undefined, work: (tx: Tx, session: SessionRow) => Promise<T>): Promise<T> {
  const found = await sessionOfToken(db, token);
  return withTenant(db, scopeFor(found.tenantId), async (tx) => {
    const [s] = await tx.select().from(chatSessions).where(eq(chatSessions.id, found.id));
    if (!s) throw new HttpProblem(404, 'Chat not found');
    return work(tx, s);
  });
}

export async function sessionOfToken(db: Database, token: string | undefined): Promise<{ id: string; tenantId: string; contactId: string }> {
  if (!token || token.length < 20 || token.length > 100) throw new HttpProblem(404, 'Chat not found');
  const [found] = await asSystem(db, (tx) =>
    tx.select({ id: chatSessions.id, tenantId: chatSessions.tenantId, contactId: chatSessions.contactId }).from(chatSessions).where(eq(chatSessions.tokenHash, hashToken(token))),
  );
  if (!found) throw new HttpProblem(404, 'Chat not found');
  return found;
}

/** Where the routing says the contact is being handled: its holder, while offered, connected or in wrap-up. */
export function holderOf(c: Pick<ContactRow, 'routingStatus' | 'routing'>): string | null {
  if (c.routingStatus !== 'offered' && c.routingStatus !== 'connected' && c.routingStatus !== 'wrapUp') return null;
  const agentId = (c.routing as { agentId?: string | null } | null)?.agentId;
  return agentId ?? null;
}

/** The chat's status and who ended it: the engine's one rule (engine/chat/status.ts) over the two rows. */
export const statusOf = (s: Pick<SessionRow, 'endedAt' | 'endedBy'>, c: Pick<ContactRow, 'routingStatus'>): ChatStatus =>
  chatStatus({ endedAt: s.endedAt, endedBy: s.endedBy, routingStatus: c.routingStatus ?? null });
export const endedByOf = (s: Pick<SessionRow, 'endedAt' | 'endedBy'>, c: Pick<ContactRow, 'routingStatus'>): ChatAuthor | null =>
  chatEndedBy({ endedAt: s.endedAt, endedBy: s.endedBy, routingStatus: c.routingStatus ?? null });

/** Who is typing now, per chat, as heard on the bus (kept on every node; entries expire). */
export interface TypingView {
  isTyping(contactId: string, who: 'customer' | 'agent'): boolean;
}

export interface SessionWithContact {
  s: SessionRow;
  c: ContactRow;
}

/** Sessions with their contacts (one query), newest first. */
export async function sessionsWhere(tx: Tx, where: SQL | undefined, limit = 200): Promise<SessionWithContact[]> {
  return tx
    .select({ s: chatSessions, c: contacts })
    .from(chatSessions)
    .innerJoin(contacts, eq(contacts.id, chatSessions.contactId))
    .where(where)
    .orderBy(desc(chatSessions.createdAt))
    .limit(limit);
}

export async function sessionOfContact(tx: Tx, contactId: string): Promise<SessionWithContact | null> {
  const [r] = await sessionsWhere(tx, eq(chatSessions.contactId, contactId), 1);
  return r ?? null;
}

/** Chats held by an agent in the routing (offered, connected or wrap-up). */
export const heldBy = (agentId: string) =>
  and(inArray(contacts.routingStatus, ['offered', 'connected', 'wrapUp']), sql`${contacts.routing}->>'agentId' = ${agentId}`);

export async function summaryOf(tx: Tx, { s, c }: SessionWithContact, typing: TypingView): Promise<ChatSummary> {
  return {
    contactId: c.id,
    status: statusOf(s, c),
    customerName: s.customerName,
    topic: await topicName(tx, c.hotlineId, s.topicId),
    startedAt: s.createdAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    endedBy: endedByOf(s, c),
    customerOnline: s.customerOnline,
    customerTyping: typing.isTyping(c.id, 'customer'),
    unread: await unreadByAgent(tx, c.id, s.agentReadSeq),
    lastMessage: await lastMessage(tx, c.id),
  };
}

async function topicName(tx: Tx, hotlineId: string, topicId: string | null): Promise<string | null> {
  if (!topicId) return null;
  const [h] = await tx.select({ topics: hotlines.topics }).from(hotlines).where(eq(hotlines.id, hotlineId));
  return topicPath(h?.topics ?? [], topicId)?.join(' / ') ?? null;
}

/** The display name of the agent who accepted the chat. */
export async function agentNameOf(tx: Tx, c: Pick<ContactRow, 'agentId' | 'routingStatus'>): Promise<string | null> {
  if (!c.agentId) return null;
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, c.agentId));
  return u?.name ?? null;
}
