import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';
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
  const countListeners = new Set<SocketCountListener>();
  const socketsOf = (tenantId: string, userId: string) => {
    let n = 0;
    for (const c of connections) if (c.principal.id === userId && c.principal.tenantId === tenantId) n++;
    return n;
  };
  const announceCount = (p: Principal) => {
    const n = socketsOf(p.tenantId, p.id);
    for (const l of countListeners) l(p.tenantId, p.id, n);
  };

  bus.subscribe((event: EventEnvelope) => {
    const frame = JSON.stringify({ type: 'event', topic: event.topic, event: { id: event.id, type: event.type, at: event.at, data: event.data } });
    for (const c of connections) {
      if (c.principal.tenantId === event.tenantId && c.topics.has(event.topic) && mayHear(c.principal, event.topic)) {
        c.socket.send(frame);
      }
    }
  });

  app.get('/api/v1/ws', { websocket: true, config: { signedIn: true }, schema: { hide: true } }, (socket, req) => {
    const principal = req.principal!;
    const conn: Connection = { socket, principal, topics: new Set(defaultTopics(principal)) };
    connections.add(conn);
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
        for (const t of msg.topics) conn.topics.delete(t);
        return void socket.send(JSON.stringify({ type: 'unsubscribed', topics: msg.topics }));
      }
      const granted = msg.topics.filter((t) => mayHear(principal, t));
      for (const t of granted) conn.topics.add(t);
      socket.send(JSON.stringify({ type: 'subscribed', topics: granted, denied: msg.topics.filter((t) => !granted.includes(t)) }));
    });
    socket.on('close', () => {
      connections.delete(conn);
      announceCount(principal);
    });
  });

  return {
    connectionCount: () => connections.size,
    /** Sockets a user has open on this node. */
    socketsOf,
    /** Every user with sockets open on this node (re-announced to a new routing node). */
    allSockets: () => {
      const counts = new Map<string, { tenantId: string; userId: string; sockets: number }>();
      for (const c of connections) {
        const k = `${c.principal.tenantId}:${c.principal.id}`;
        const entry = counts.get(k) ?? { tenantId: c.principal.tenantId, userId: c.principal.id, sockets: 0 };
        entry.sockets++;
        counts.set(k, entry);
      }
      return [...counts.values()];
    },
    onSocketCount: (l: SocketCountListener) => void countListeners.add(l),
  };
}
