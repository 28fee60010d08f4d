import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';
import { TopicIndex } from './topicIndex.ts';
import { defaultTopics, mayHear } from './topics.ts';

interface Connection {
  socket: WebSocket;
  principal: Principal;
  topics: Set<string>;
}

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), topics: z.array(z.string().max(200)).max(100) }),
  z.object({ type: z.literal('unsubscribe'), topics: z.array(z.string().max(200)).max(100) }),
  z.object({ type: z.literal('ping') }),
]);

/**
 * One WebSocket per browser session at /api/v1/ws. Events from the bus reach the connections
 * of the same tenant subscribed to the event's topic; a topic the principal may not hear is
 * refused at subscription and checked again at delivery.
 */
/** Told how many sockets a user has left after each connect and close (the ACD's offline timer). */
export type SocketCountListener = (tenantId: string, userId: string, sockets: number) => void;

export function installHub(app: FastifyInstance, bus: EventBus) {
  const connections = new Set<Connection>();
  const listening = new TopicIndex<Connection>();
  /** `tenant:user` → sockets that user has open here (both ids are UUIDs: no colon inside). */
  const perUser = new Map<string, number>();
  const userKey = (tenantId: string, userId: string) => `${tenantId}:${userId}`;
  const countListeners = new Set<SocketCountListener>();
  const socketsOf = (tenantId: string, userId: string) => perUser.get(userKey(tenantId, userId)) ?? 0;
  const announceCount = (p: Principal) => {
    const n = socketsOf(p.tenantId, p.id);
    for (const l of countListeners) l(p.tenantId, p.id, n);
  };
  const listen = (c: Connection, topic: string) => {
    c.topics.add(topic);
    listening.add(c.principal.tenantId, topic, c);
  };
  const stopListening = (c: Connection, topic: string) => {
    if (c.topics.delete(topic)) listening.remove(c.principal.tenantId, topic, c);
  };

  bus.subscribe((event: EventEnvelope) => {
    const recipients = listening.listeners(event.tenantId, event.topic);
    if (recipients.length === 0) return;
    const frame = JSON.stringify({ type: 'event', topic: event.topic, event: { id: event.id, type: event.type, at: event.at, data: event.data } });
    for (const c of recipients) if (mayHear(c.principal, event.topic)) c.socket.send(frame);
  });

  app.get('/api/v1/ws', { websocket: true, config: { signedIn: true }, schema: { hide: true } }, (socket, req) => {
    const principal = req.principal!;
    const conn: Connection = { socket, principal, topics: new Set() };
    for (const t of defaultTopics(principal)) listen(conn, t);
    connections.add(conn);
    const user = userKey(principal.tenantId, principal.id);
    perUser.set(user, socketsOf(principal.tenantId, principal.id) + 1);
    announceCount(principal);
    socket.send(JSON.stringify({ type: 'hello', userId: principal.id, topics: [...conn.topics] }));
    socket.on('message', (raw) => {
      let parsed;
      try {
        parsed = clientMessage.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        socket.send(JSON.stringify({ type: 'error', detail: 'unknown message' }));
        return;
      }
      const msg = parsed.data;
      if (msg.type === 'ping') return void socket.send(JSON.stringify({ type: 'pong' }));
      if (msg.type === 'unsubscribe') {
        for (const t of msg.topics) stopListening(conn, t);
        return void socket.send(JSON.stringify({ type: 'unsubscribed', topics: msg.topics }));
      }
      const granted = msg.topics.filter((t) => mayHear(principal, t));
      for (const t of granted) listen(conn, t);
      socket.send(JSON.stringify({ type: 'subscribed', topics: granted, denied: msg.topics.filter((t) => !granted.includes(t)) }));
    });
    socket.on('close', () => {
      connections.delete(conn);
      for (const t of [...conn.topics]) stopListening(conn, t);
      const left = socketsOf(principal.tenantId, principal.id) - 1;
      if (left > 0) perUser.set(user, left);
      else perUser.delete(user);
      announceCount(principal);
    });
  });

  return {
    connectionCount: () => connections.size,
    /** Sockets a user has open on this node. */
    socketsOf,
    /** Every user with sockets open on this node (re-announced to a new routing node). */
    allSockets: () =>
      [...perUser].map(([k, sockets]) => {
        const [tenantId, userId] = k.split(':') as [string, string];
        return { tenantId, userId, sockets };
      }),
    onSocketCount: (l: SocketCountListener) => void countListeners.add(l),
  };
}
