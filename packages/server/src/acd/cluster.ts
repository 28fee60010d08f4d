import { randomUUID } from 'node:crypto';
import type { EventBus } from '../realtime/bus.ts';
import { envelope, type EventEnvelope } from '../realtime/envelope.ts';
import type { SocketCounts } from './service.ts';

/** Cluster messages ride the event bus under a topic no WebSocket client may hear (realtime/topics.ts). */
const TOPIC = 'cluster';
const NO_TENANT = '';

interface NodeSeen {
  seenAt: number;
  url: string | null;
  routing: boolean;
  /** `tenant:user` → sockets that user has open on that node. */
  sockets: Map<string, number>;
}

export interface ClusterOptions {
  /** How often a node says it is alive (ms). */
  heartbeatMs?: number;
  /** A node not heard for this long is gone, with its sockets (ms). */
  expireMs?: number;
  /** Whether this node routes now (AcdService holds the lock). */
  isRouting: () => boolean;
  /** Wall clock, for tests. */
  now?: () => number;
}

const key = (tenantId: string, userId: string) => `${tenantId}:${userId}`;

/**
 * The nodes alive, for state other modules keep per node (the chat's customer sockets: which
 * nodes hold one, so a node that dies takes its customers' "online" with it).
 */
export interface NodeRegistry {
  readonly nodeId: string;
  /** This node and every node heard from lately; null while this node is too new to tell a dead node from one not yet heard. */
  liveNodeIds(): string[] | null;
}

/** One process (PGlite): the only node, alive as long as it runs. */
export function singleNode(): NodeRegistry {
  const nodeId = randomUUID();
  return { nodeId, liveNodeIds: () => [nodeId] };
}

export const isNodeRegistry = (x: object): x is NodeRegistry => 'liveNodeIds' in x && 'nodeId' in x;

/**
 * The nodes of a PostgreSQL installation, as the routing node needs them:
 * - **sockets on every node**: an agent whose WebSocket is on another node is online; each node
 *   announces its socket counts as they change, re-announces them all when a new routing node asks,
 *   and a node that stops saying it is alive takes its sockets with it (so those agents go offline);
 * - **where the routing node is**: its heartbeat carries the URL the other nodes forward the live
 *   ACD requests to (forward.ts).
 * Implements `SocketCounts` for AcdService: the local hub's counts plus the other nodes'.
 */
export class ClusterPresence implements SocketCounts, NodeRegistry {
  readonly nodeId = randomUUID();
  private readonly nodes = new Map<string, NodeSeen>();
  private readonly listeners = new Set<(tenantId: string, userId: string, sockets: number) => void>();
  private readonly heartbeatMs: number;
  private readonly expireMs: number;
  private readonly now: () => number;
  private url: string | null = null;
  private startedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => {};

  constructor(
    private readonly bus: EventBus,
    private readonly local: SocketCounts & { allSockets(): { tenantId: string; userId: string; sockets: number }[] },
    private readonly opts: ClusterOptions,
  ) {
    this.heartbeatMs = opts.heartbeatMs ?? 5_000;
    this.expireMs = opts.expireMs ?? 3 * this.heartbeatMs;
    this.now = opts.now ?? Date.now;
    local.onSocketCount((tenantId, userId) => {
      void this.publish('cluster.sockets', { tenantId, userId, sockets: local.socketsOf(tenantId, userId) });
      this.tell(tenantId, userId);
    });
  }

  /** Starts hearing the other nodes and saying this one is alive, reachable at `url`. */
  start(url: string | null): void {
    this.url = url;
    this.startedAt = this.now();
    this.unsubscribe = this.bus.subscribe((e) => this.heard(e));
    const beat = () => {
      void this.heartbeat();
      this.expire();
    };
    this.timer = setInterval(beat, this.heartbeatMs);
    this.timer.unref?.();
    void this.heartbeat();
    // A node just started: the others answer with a heartbeat at once, so it knows the routing node now, not a beat later.
    void this.publish('cluster.hello', {});
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe();
  }

  /** Called when this node has just become the routing node: every node re-announces its sockets. */
  async becameRouting(): Promise<void> {
    await this.heartbeat();
    await this.publish('cluster.resync', {});
  }

  socketsOf(tenantId: string, userId: string): number {
    let n = this.local.socketsOf(tenantId, userId);
    for (const node of this.nodes.values()) n += node.sockets.get(key(tenantId, userId)) ?? 0;
    return n;
  }

  onSocketCount(listener: (tenantId: string, userId: string, sockets: number) => void): void {
    this.listeners.add(listener);
  }

  liveNodeIds(): string[] | null {
    const now = this.now();
    // A node not heard yet after start may simply not have spoken: wait one expiry period before judging.
    if (this.startedAt === null || now - this.startedAt < this.expireMs) return null;
    const fresh = now - this.expireMs;
    return [this.nodeId, ...[...this.nodes].filter(([, n]) => n.seenAt >= fresh).map(([id]) => id)];
  }

  /** The URL of the routing node if another live node says it routes; null if none is known. */
  routingUrl(): string | null {
    const fresh = this.now() - this.expireMs;
    for (const node of this.nodes.values()) if (node.routing && node.seenAt >= fresh && node.url) return node.url;
    return null;
  }

  private tell(tenantId: string, userId: string): void {
    const n = this.socketsOf(tenantId, userId);
    for (const l of this.listeners) l(tenantId, userId, n);
  }

  private heartbeat(): Promise<void> {
    return this.publish('cluster.alive', { url: this.url, routing: this.opts.isRouting() });
  }

  private publish(type: string, data: object): Promise<void> {
    return this.bus.publish(envelope(NO_TENANT, TOPIC, type, { node: this.nodeId, ...data })).catch(() => {});
  }

  private nodeOf(id: string): NodeSeen {
    let node = this.nodes.get(id);
    if (!node) {
      node = { seenAt: this.now(), url: null, routing: false, sockets: new Map() };
      this.nodes.set(id, node);
    }
    return node;
  }

  private heard(e: EventEnvelope): void {
    if (e.topic !== TOPIC || e.tenantId !== NO_TENANT) return;
    const data = e.data as { node?: string };
    if (!data.node || data.node === this.nodeId) return;
    const node = this.nodeOf(data.node);
    node.seenAt = this.now();
    if (e.type === 'cluster.alive') {
      const d = e.data as { url: string | null; routing: boolean };
      node.url = d.url;
      node.routing = d.routing;
    } else if (e.type === 'cluster.sockets') {
      const d = e.data as { tenantId: string; userId: string; sockets: number };
      if (d.sockets > 0) node.sockets.set(key(d.tenantId, d.userId), d.sockets);
      else node.sockets.delete(key(d.tenantId, d.userId));
      this.tell(d.tenantId, d.userId);
    } else if (e.type === 'cluster.hello') {
      void this.heartbeat();
    } else if (e.type === 'cluster.resync') {
      for (const s of this.local.allSockets()) void this.publish('cluster.sockets', s);
    }
  }

  /** Nodes not heard for `expireMs` are gone: their agents' sockets with them. */
  private expire(): void {
    const limit = this.now() - this.expireMs;
    for (const [id, node] of this.nodes) {
      if (node.seenAt >= limit) continue;
      this.nodes.delete(id);
      for (const k of node.sockets.keys()) {
        const [tenantId, userId] = k.split(':') as [string, string];
        this.tell(tenantId, userId);
      }
    }
  }
}
