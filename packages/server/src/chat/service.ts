import type { Decision } from '@linia/engine';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { asSystem, sqlRows, withTenant, type Database, type Tx } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { envelope, type EventEnvelope } from '../realtime/envelope.ts';
import { HttpProblem } from '../http/problem.ts';
import { routingProblem } from '../acd/problems.ts';
import type { AcdService } from '../acd/service.ts';
import type { TenantRouter, Unstamped } from '../acd/router.ts';
import { createSurvey } from '../surveys/service.ts';
import { surveySettings, surveys } from '../surveys/schema.ts';
import type { ChatAuthor, ChatMessage, CustomerState } from './contracts.ts';
import type { Sent } from './messages.ts';
import { endLines, ensureJoinedLine } from './systemLines.ts';
import { customerSocketsHere, sweepDeadNodes } from './presence.ts';
import { agentNameOf, endedByOf, holderOf, scopeFor, sessionOfContact, statusOf, type SessionWithContact, type TypingView } from './sessions.ts';
import { chatSessions } from './schema.ts';

/** A typing indicator goes out by itself this long after the last "typing" (a closed tab never says "stopped"). */
const TYPING_TTL_MS = 6_000;
/** How often the routing node re-tells waiting customers their place in line and expected wait. */
const QUEUE_TICK_MS = 1_500;
/** The expected wait is told in steps of this many seconds, so a slowly shrinking estimate is not an event a second. */
const EWT_STEP_S = 5;

export interface QueueInfo {
  position: number | null;
  ewtSeconds: number | null;
}

/**
 * The web chat's live side on this node. Every chat event goes through the bus (so a customer's
 * socket on one node and the agent on another both get it): to `chat:<contactId>` — the
 * customer's sockets and a lead watching — and to `user:<agentId>` of the agent holding it.
 * Kept per node from what the bus carries: who is typing, each waiting chat's place in line.
 * The routing node alone computes places in line (it has the engine) and ends the chats whose
 * agent ended the contact through the ACD itself.
 */
export class ChatService implements TypingView {
  private readonly typing = new Map<string, number>();
  private readonly queue = new Map<string, QueueInfo>();
  private queueTimer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => {};

  constructor(
    readonly db: Database,
    readonly bus: EventBus,
    readonly acd: AcdService,
  ) {
    // A chat's "joined" line in the accept's own transaction. Should the hook fail (its savepoint
    // rolls back, the accept stays), the chat's next message or its end writes the line first.
    acd.onPersist({
      concerns: (d, router) => d.type === 'contactConnected' && router.engine.contactView(d.contactId)?.channel === 'chat',
      write: (tx, decisions, router) => this.joinedInAccept(tx, decisions, router),
    });
  }

  /** The "joined" lines of chats accepted in a routing batch, in its transaction; telling both sides waits for the commit. */
  private async joinedInAccept(tx: Tx, decisions: readonly Decision[], router: TenantRouter): Promise<(() => Promise<void>) | void> {
    const joined: { sc: SessionWithContact; line: ChatMessage }[] = [];
    for (const d of decisions) {
      if (d.type === 'contactConnected') {
        const sc = await sessionOfContact(tx, d.contactId);
        const line = sc ? await ensureJoinedLine(tx, d.contactId) : null;
        if (sc && line) joined.push({ sc, line });
      }
    }
    if (joined.length === 0) return;
    return async () => {
      for (const j of joined) await this.messagesAdded(router.tenantId, j.sc, [j.line]);
    };
  }

  start(): void {
    this.unsubscribe = this.bus.subscribe((e) => this.heard(e));
    this.queueTimer = setInterval(() => {
      void this.tellQueue().catch(() => {});
      if (this.acd.isLeader) void this.sweepPresence().catch(() => {});
    }, QUEUE_TICK_MS);
    this.queueTimer.unref?.();
  }

  stop(): void {
    this.unsubscribe();
    if (this.queueTimer) clearInterval(this.queueTimer);
  }

  isTyping(contactId: string, who: 'customer' | 'agent'): boolean {
    const until = this.typing.get(`${contactId}:${who}`);
    return until !== undefined && until > Date.now();
  }

  queueInfo(contactId: string): QueueInfo {
    return this.queue.get(contactId) ?? { position: null, ewtSeconds: null };
  }

  /** Publishes a chat event to the chat's topic and to the agent holding it (after commit). */
  async publish(tenantId: string, contactId: string, agentId: string | null, type: string, data: Record<string, unknown>): Promise<void> {
    const payload = { contactId, ...data };
    await this.bus.publish(envelope(tenantId, `chat:${contactId}`, type, payload));
    if (agentId) await this.bus.publish(envelope(tenantId, `user:${agentId}`, type, payload));
  }

  /** Tells both sides of a new message, after the system lines written ahead of it (nothing for a resend). */
  messageSent(tenantId: string, sc: SessionWithContact, sent: Sent): Promise<void> {
    return sent.duplicate ? Promise.resolve() : this.messagesAdded(tenantId, sc, [...sent.before, sent.message]);
  }

  /** Tells both sides of messages new to the transcript, in order (after commit). */
  async messagesAdded(tenantId: string, sc: SessionWithContact, messages: readonly ChatMessage[]): Promise<void> {
    for (const message of messages) await this.publish(tenantId, sc.c.id, holderOf(sc.c) ?? sc.c.agentId, 'chat.message', { message });
  }

  async setTyping(tenantId: string, sc: SessionWithContact, who: 'customer' | 'agent', typing: boolean): Promise<void> {
    if (statusOf(sc.s, sc.c) === 'ended') return;
    await this.publish(tenantId, sc.c.id, holderOf(sc.c), 'chat.typing', { who, typing });
  }

  /** Marks the other side's messages read up to `seq` (never backwards) and tells both sides. */
  async markRead(tenantId: string, contactId: string, by: 'customer' | 'agent', seq: number): Promise<void> {
    const column = by === 'customer' ? chatSessions.customerReadSeq : chatSessions.agentReadSeq;
    const sc = await withTenant(this.db, scopeFor(tenantId), async (tx) => {
      const [s] = await tx
        .update(chatSessions)
        .set(by === 'customer' ? { customerReadSeq: sql`greatest(${column}, least(${seq}, ${chatSessions.lastSeq}))` } : { agentReadSeq: sql`greatest(${column}, least(${seq}, ${chatSessions.lastSeq}))` })
        .where(eq(chatSessions.contactId, contactId))
        .returning();
      return s ? sessionOfContact(tx, contactId) : null;
    });
    if (!sc) return;
    await this.publish(tenantId, contactId, holderOf(sc.c), 'chat.read', { by, seq: by === 'customer' ? sc.s.customerReadSeq : sc.s.agentReadSeq });
  }

  /**
   * This node holds a socket of the chat's customer now, or its last one closed: the customer is
   * online while any node holds one (presence.ts), and both sides hear what that makes it.
   */
  async setPresence(tenantId: string, contactId: string, holds: boolean): Promise<void> {
    const r = await withTenant(this.db, scopeFor(tenantId), async (tx) => {
      const online = await customerSocketsHere(tx, contactId, this.acd.nodes.nodeId, holds);
      return online === null ? null : { online, sc: await sessionOfContact(tx, contactId) };
    });
    if (r?.sc) await this.publish(tenantId, contactId, holderOf(r.sc.c), 'chat.presence', { customerOnline: r.online });
  }

  /** Routing node: customers online only through a node that has died are offline now. */
  private async sweepPresence(): Promise<void> {
    const live = this.acd.nodes.liveNodeIds();
    if (!live) return;
    for (const change of await sweepDeadNodes(this.db, live)) {
      const sc = await withTenant(this.db, scopeFor(change.tenantId), (tx) => sessionOfContact(tx, change.contactId));
      if (sc) await this.publish(change.tenantId, change.contactId, holderOf(sc.c), 'chat.presence', { customerOnline: change.online });
    }
  }

  /**
   * The customer ends the chat: while waiting or being offered that is leaving the queue
   * (abandoned in the ACD); once connected, the contact ends and the agent goes to wrap-up.
   */
  endByCustomer(tenantId: string, contactId: string): Promise<void> {
    return this.endThroughRouter(tenantId, contactId, 'customer', (v) => (v && v.status !== 'wrapUp' ? { type: 'contactEnded', contactId } : null));
  }

  /** The agent holding a connected chat ends it (the ACD puts the agent in wrap-up). 404 for anyone else. */
  endByAgent(tenantId: string, contactId: string, agentId: string): Promise<void> {
    return this.endThroughRouter(tenantId, contactId, 'agent', (v) => {
      if (!v || v.agentId !== agentId) throw new HttpProblem(404, 'No such chat of yours');
      if (v.status === 'offered') throw new HttpProblem(409, 'Accept the chat first (or decline it)', [{ field: 'params.contactId', message: 'the chat is offered, not connected' }]);
      return v.status === 'connected' ? { type: 'contactEnded', contactId } : null;
    });
  }

  /**
   * The routing event and the chat's end in one transaction (the router's `after`), so whoever
   * hears the ACD's decision already finds the chat ended, and by whom.
   */
  private async endThroughRouter(tenantId: string, contactId: string, by: ChatAuthor, event: (v: ReturnType<TenantRouter['engine']['contactView']>) => Unstamped | null): Promise<void> {
    const router = await this.acd.router(tenantId);
    let ended: Ended | null = null;
    let applied = false;
    const r = await router.submitPrepared(
      async () => {
        const e = event(router.engine.contactView(contactId));
        applied = e !== null;
        return e;
      },
      async (tx) => {
        ended = await recordEnd(tx, contactId, by, new Date());
      },
    );
    if (!r.ok) throw routingProblem(r.error, 'params.contactId');
    if (!applied) return this.markEnded(tenantId, contactId, by);
    if (ended) await this.announceEnd(tenantId, ended, by);
  }

  /** Records the end once (whoever comes first wins) and tells both sides after commit. */
  async markEnded(tenantId: string, contactId: string, by: ChatAuthor): Promise<void> {
    const ended = await withTenant(this.db, scopeFor(tenantId), (tx) => recordEnd(tx, contactId, by, new Date()));
    if (ended) await this.announceEnd(tenantId, ended, by);
  }

  private async announceEnd(tenantId: string, ended: Ended, by: ChatAuthor): Promise<void> {
    this.queue.delete(ended.sc.c.id);
    await this.messagesAdded(tenantId, ended.sc, ended.lines);
    await this.publish(tenantId, ended.sc.c.id, holderOf(ended.sc.c) ?? ended.sc.c.agentId, 'chat.ended', { by });
  }

  /** What the customer's widget shows, read in the chat's transaction. */
  async customerState(tx: Tx, sc: SessionWithContact): Promise<CustomerState> {
    const status = statusOf(sc.s, sc.c);
    const q = status === 'waiting' ? this.queueInfo(sc.c.id) : { position: null, ewtSeconds: null };
    return {
      contactId: sc.c.id,
      status,
      customerName: sc.s.customerName,
      agentName: status === 'waiting' ? null : await agentNameOf(tx, sc.c),
      position: q.position,
      ewtSeconds: q.ewtSeconds,
      endedBy: endedByOf(sc.s, sc.c),
      agentTyping: this.isTyping(sc.c.id, 'agent'),
      agentReadSeq: sc.s.agentReadSeq,
      survey: status === 'ended' && sc.s.surveyToken ? await surveyOf(tx, sc.c.id, sc.s.surveyToken) : null,
    };
  }

  /** Remembers the waiting place told to a chat (on every node: the customer may be on any). */
  rememberQueue(contactId: string, info: QueueInfo): void {
    this.queue.set(contactId, info);
  }

  private heard(e: EventEnvelope): void {
    const d = e.data as { contactId?: string; who?: 'customer' | 'agent'; typing?: boolean; position?: number | null; ewtSeconds?: number | null; channel?: string | null };
    if (!d?.contactId || !e.topic.startsWith('chat:')) {
      // The agent ended the contact through the ACD itself (not the chat's end): the chat ends too.
      // (A contact of another channel needs no look-up: the ACD's announcements name the channel.)
      if ((e.type === 'acd.wrapUpStarted' || e.type === 'acd.contactReleased') && d?.contactId && (d.channel ?? 'chat') === 'chat' && this.acd.isLeader) {
        void this.endedThroughAcd(e.tenantId, d.contactId).catch(() => {});
      }
      return;
    }
    if (e.type === 'chat.typing' && d.who) {
      const key = `${d.contactId}:${d.who}`;
      if (d.typing) this.typing.set(key, Date.now() + TYPING_TTL_MS);
      else this.typing.delete(key);
    } else if (e.type === 'chat.message') {
      // A message sent ends its author's typing.
      const author = (e.data as { message?: ChatMessage }).message?.author;
      if (author === 'customer' || author === 'agent') this.typing.delete(`${d.contactId}:${author}`);
    } else if (e.type === 'chat.queue') {
      this.queue.set(d.contactId, { position: d.position ?? null, ewtSeconds: d.ewtSeconds ?? null });
    } else if (e.type === 'chat.ended') {
      this.queue.delete(d.contactId);
      this.typing.delete(`${d.contactId}:customer`);
      this.typing.delete(`${d.contactId}:agent`);
    }
  }

  private async endedThroughAcd(tenantId: string, contactId: string): Promise<void> {
    const [open] = await withTenant(this.db, scopeFor(tenantId), (tx) =>
      tx.select({ id: chatSessions.id }).from(chatSessions).where(and(eq(chatSessions.contactId, contactId), isNull(chatSessions.endedAt))),
    );
    if (open) await this.markEnded(tenantId, contactId, 'agent');
  }

  /** Routing node only: tells every waiting chat its place in line and expected wait when they change. */
  private async tellQueue(): Promise<void> {
    if (!this.acd.isLeader) return;
    const rows = await asSystem(this.db, (tx) =>
      sqlRows<{ tenant_id: string; contact_id: string }>(
        tx,
        sql`SELECT s.tenant_id, s.contact_id FROM chat_sessions s JOIN contacts c ON c.id = s.contact_id
            WHERE s.ended_at IS NULL AND c.routing_status IN ('waiting', 'offered')`,
      ),
    );
    for (const r of rows) {
      const router = await this.acd.router(r.tenant_id).catch(() => null);
      if (!router) continue;
      const w = router.engine.waitingInfo(r.contact_id, Date.now());
      const info: QueueInfo = {
        position: w?.position ?? null,
        ewtSeconds: w?.ewtMs != null ? Math.ceil(w.ewtMs / 1000 / EWT_STEP_S) * EWT_STEP_S : null,
      };
      const told = this.queue.get(r.contact_id);
      if (told && told.position === info.position && told.ewtSeconds === info.ewtSeconds) continue;
      this.queue.set(r.contact_id, info);
      await this.bus.publish(envelope(r.tenant_id, `chat:${r.contact_id}`, 'chat.queue', { contactId: r.contact_id, ...info }));
    }
  }
}

/** A chat just ended: the session with its contact, and the system lines its end wrote (in order). */
interface Ended {
  sc: SessionWithContact;
  lines: ChatMessage[];
}

/**
 * The chat's end, in the caller's transaction, once: null when it had ended already. Its end line
 * goes into the transcript in the same transaction. A customer who was served gets the hotline's
 * survey (when it has one).
 */
async function recordEnd(tx: Tx, contactId: string, by: ChatAuthor, now: Date): Promise<Ended | null> {
  const [s] = await tx
    .update(chatSessions)
    .set({ endedAt: now, endedBy: by })
    .where(and(eq(chatSessions.contactId, contactId), isNull(chatSessions.endedAt)))
    .returning();
  if (!s) return null;
  const sc = (await sessionOfContact(tx, contactId))!;
  if (sc.c.answeredAt) {
    const token = await surveyFor(tx, contactId, sc.c.hotlineId, now);
    if (token) {
      await tx.update(chatSessions).set({ surveyToken: token }).where(eq(chatSessions.id, s.id));
      sc.s.surveyToken = token;
    }
  }
  return { sc, lines: await endLines(tx, contactId, by, now) };
}

/** Creates the contact's survey when its hotline has active survey settings; the link token, or null. */
async function surveyFor(tx: Tx, contactId: string, hotlineId: string, now: Date): Promise<string | null> {
  const [settings] = await tx.select({ id: surveySettings.id }).from(surveySettings).where(and(eq(surveySettings.hotlineId, hotlineId), eq(surveySettings.active, true)));
  if (!settings) return null;
  const [existing] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.contactId, contactId));
  if (existing) return null;
  return (await createSurvey(tx, contactId, now)).token;
}

async function surveyOf(tx: Tx, contactId: string, token: string): Promise<CustomerState['survey']> {
  const [s] = await tx.select().from(surveys).where(eq(surveys.contactId, contactId));
  if (!s || s.answeredAt) return null;
  return { token, kind: s.kind, question: s.question, allowComment: s.allowComment };
}

