import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { withTenant } from '../db/index.ts';
import type { EventEnvelope } from '../realtime/envelope.ts';
import type { ChatMessage } from './contracts.ts';
import { listMessages } from './messages.ts';
import type { ChatService } from './service.ts';
import { scopeFor, sessionOfContact, sessionOfToken } from './sessions.ts';

interface CustomerSocket {
  socket: WebSocket;
  tenantId: string;
  contactId: string;
  lastTypingAt: number;
}

const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('typing'), typing: z.boolean() }),
  z.object({ type: z.literal('read'), seq: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
]);
const query = z.object({ token: z.string().max(100).optional(), after: z.coerce.number().int().min(0).default(0) });

/** Typing signals from one socket are passed on at most this often (a held key is not a flood). */
const TYPING_EVERY_MS = 1_000;
/** ACD decisions that change what the customer sees (accepted, ended through the ACD). */
const ACD_CHANGES = new Set(['acd.contactConnected', 'acd.wrapUpStarted', 'acd.contactReleased']);

/**
 * The customer's WebSocket at /api/v1/chat/ws?token=…&after=SEQ: public, the chat token is the
 * credential and reaches that chat only. On connect it sends the chat's state and every message
 * after `after` (the last seq the widget has), so a reconnect loses nothing; the widget drops a
 * seq it already has, so nothing doubles either. Afterwards the bus's `chat:<contactId>` events
 * and the ACD's decisions about the contact reach it from whichever node they happen on.
 */
export function installCustomerHub(app: FastifyInstance, chat: ChatService) {
  const sockets = new Map<string, Set<CustomerSocket>>();
  const send = (c: CustomerSocket, frame: object) => {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(frame));
  };
  const sendState = async (tenantId: string, contactId: string) => {
    const here = sockets.get(contactId);
    if (!here?.size) return;
    const state = await withTenant(chat.db, scopeFor(tenantId), async (tx) => {
      const sc = await sessionOfContact(tx, contactId);
      return sc ? chat.customerState(tx, sc) : null;
    });
    if (state) for (const c of here) send(c, { type: 'state', state });
  };

  chat.bus.subscribe((e: EventEnvelope) => {
    const d = e.data as { contactId?: string } | null;
    const contactId = d?.contactId;
    if (!contactId) return;
    const here = sockets.get(contactId);
    if (!here?.size) return;
    const mine = [...here].filter((c) => c.tenantId === e.tenantId);
    if (mine.length === 0) return;
    if (ACD_CHANGES.has(e.type) && e.topic.startsWith('user:')) return void sendState(e.tenantId, contactId).catch(() => {});
    if (e.topic !== `chat:${contactId}`) return;
    const data = e.data as { message?: ChatMessage; who?: string; typing?: boolean; by?: string; seq?: number; position?: number | null; ewtSeconds?: number | null };
    switch (e.type) {
      case 'chat.message':
        for (const c of mine) send(c, { type: 'message', message: data.message });
        return;
      case 'chat.typing':
        if (data.who === 'agent') for (const c of mine) send(c, { type: 'typing', typing: data.typing });
        return;
      case 'chat.read':
        if (data.by === 'agent') for (const c of mine) send(c, { type: 'read', seq: data.seq });
        return;
      case 'chat.queue':
        for (const c of mine) send(c, { type: 'queue', position: data.position, ewtSeconds: data.ewtSeconds });
        return;
      case 'chat.ended':
        void sendState(e.tenantId, contactId).catch(() => {});
        return;
    }
  });

  app.get('/api/v1/chat/ws', { websocket: true, config: { public: true }, schema: { hide: true } }, async (socket, req) => {
    // Frames that arrive while the token is being looked up wait for it (none is dropped).
    const early: unknown[] = [];
    let handle: ((raw: unknown) => void) | null = null;
    socket.on('message', (raw) => (handle ? handle(raw) : early.push(raw)));
    const q = query.safeParse(req.query);
    const found = q.success ? await sessionOfToken(chat.db, q.data.token).catch(() => null) : null;
    if (!q.success || !found) {
      socket.send(JSON.stringify({ type: 'error', status: 404, detail: 'Chat not found' }));
      socket.close(4404, 'chat not found');
      return;
    }
    const conn: CustomerSocket = { socket, tenantId: found.tenantId, contactId: found.contactId, lastTypingAt: 0 };
    // Listening before reading: a message stored meanwhile arrives twice at worst, never not at all.
    let set = sockets.get(found.contactId);
    if (!set) sockets.set(found.contactId, (set = new Set()));
    set.add(conn);
    socket.on('close', () => {
      set!.delete(conn);
      if (set!.size === 0) {
        sockets.delete(found.contactId);
        void chat.setPresence(found.tenantId, found.contactId, false).catch(() => {});
      }
    });
    const onFrame = async (raw: unknown) => {
      let parsed;
      try {
        parsed = clientFrame.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return send(conn, { type: 'error', detail: 'unknown message' });
      const f = parsed.data;
      if (f.type === 'ping') return send(conn, { type: 'pong' });
      if (f.type === 'read') return chat.markRead(found.tenantId, found.contactId, 'customer', f.seq);
      const now = Date.now();
      if (f.typing && now - conn.lastTypingAt < TYPING_EVERY_MS) return;
      conn.lastTypingAt = f.typing ? now : 0;
      const sc = await withTenant(chat.db, scopeFor(found.tenantId), (tx) => sessionOfContact(tx, found.contactId));
      if (sc) await chat.setTyping(found.tenantId, sc, 'customer', f.typing);
    };
    handle = (raw) => void onFrame(raw).catch(() => {});
    for (const raw of early.splice(0)) handle(raw);
    const hello = await withTenant(chat.db, scopeFor(found.tenantId), async (tx) => {
      const sc = (await sessionOfContact(tx, found.contactId))!;
      return { state: await chat.customerState(tx, sc), messages: await listMessages(tx, found.contactId, q.data.after) };
    });
    send(conn, { type: 'hello', ...hello });
    // Closed meanwhile: its close already said whether this node still holds the customer.
    if (set.has(conn)) await chat.setPresence(found.tenantId, found.contactId, true);
  });
}
