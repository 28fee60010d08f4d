import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DEMO_WIDGET_KEY } from '../src/demo/seedChat.ts';
import type { RunningServer } from '../src/server.ts';
import { startCluster, type TestCluster } from './support/cluster.ts';
import { connect } from './support/wsClient.ts';

const onPostgres = Boolean(process.env.LINIA_TEST_DATABASE_URL);
const bin = resolve(import.meta.dirname, '../bin/linia.js');
const HEARTBEAT_MS = 200;

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** One more node of the cluster as a process of its own (`linia start` on the same database), so it can be killed outright. */
async function spawnNode(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn('node', [bin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-demo'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', LINIA_CLUSTER_HEARTBEAT_MS: String(HEARTBEAT_MS), LINIA_WEBHOOK_POLL_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false)) return { child, base };
    if (child.exitCode !== null) throw new Error(`node exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('node did not start');
}
type Frame = Record<string, unknown>;
const ev = (type: string) => (f: Frame) => f.type === 'event' && (f.event as { type: string }).type === type;

/** The web chat across two nodes on one PostgreSQL: the customer on one, the agent on the other. */
describe.runIf(onPostgres)('web chat on two server processes', () => {
  let cluster: TestCluster;
  let nodes: RunningServer[];
  beforeAll(async () => {
    // Nodes find the routing node by heartbeats: short ones, so forwarding works within the test.
    cluster = await startCluster(2, { LINIA_CLUSTER_HEARTBEAT_MS: String(HEARTBEAT_MS) });
    nodes = cluster.nodes;
  });
  afterAll(() => cluster.close());

  const url = (n: RunningServer) => cluster.url(n);
  /** A POST, retried while the answer is 503 (the routing node not known yet: Retry-After). */
  const post = async (n: RunningServer, path: string, body: object | undefined, headers: Record<string, string>) => {
    for (let i = 0; i < 20; i++) {
      const r = await postOnce(n, path, body, headers);
      if (r.status !== 503) return r;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return postOnce(n, path, body, headers);
  };
  const postOnce = async (n: RunningServer, path: string, body: object | undefined, headers: Record<string, string>) => {
    const res = await fetch(`${url(n)}${path}`, {
      method: 'POST',
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };
  const loginAt = (n: RunningServer, login: string) => cluster.loginAt(n, login);

  it('the customer on one node and the agent on the other hear each other', async () => {
    for (const [customerNode, agentNode] of [[nodes[1]!, nodes[0]!], [nodes[0]!, nodes[1]!]] as const) {
      const op = await loginAt(agentNode, 'operator1');
      const agent = await connect(url(agentNode), op);
      await agent.next((f) => f.type === 'hello');
      await post(agentNode, '/api/v1/acd/me/state', { state: 'notReady' }, { cookie: op });

      const started = await post(customerNode, `/api/v1/chat/widgets/${DEMO_WIDGET_KEY}/chats`, { name: 'Клиент', contact: '+79995550001' }, {});
      expect(started.status).toBe(201);
      const token = started.json!.token as string;
      const contactId = (started.json!.state as { contactId: string }).contactId;
      const customer = await connect(url(customerNode), undefined, `/api/v1/chat/ws?token=${token}&after=0`);
      await customer.next((f) => f.type === 'hello');

      await post(agentNode, '/api/v1/acd/me/state', { state: 'ready' }, { cookie: op });
      await agent.next(ev('acd.offer'));
      expect((await post(agentNode, `/api/v1/acd/offers/${contactId}/accept`, undefined, { cookie: op })).status).toBe(200);
      await customer.next((f) => f.type === 'state' && (f.state as { status: string }).status === 'active');

      expect((await post(agentNode, `/api/v1/chats/${contactId}/messages`, { body: 'С другого узла' }, { cookie: op })).status).toBe(201);
      await customer.next((f) => f.type === 'message' && (f.message as { body: string }).body === 'С другого узла');
      expect((await post(customerNode, '/api/v1/chat/session/messages', { body: 'Слышу' }, { 'x-chat-token': token })).status).toBe(201);
      await agent.next((f) => ev('chat.message')(f) && ((f.event as { data: { message: { body: string } } }).data.message.body === 'Слышу'));

      expect((await post(customerNode, '/api/v1/chat/session/end', undefined, { 'x-chat-token': token })).status).toBe(200);
      await agent.next(ev('chat.ended'));
      await post(agentNode, `/api/v1/acd/contacts/${contactId}/wrap-up-end`, undefined, { cookie: op });
      await post(agentNode, '/api/v1/acd/me/state', { state: 'notReady' }, { cookie: op });
      customer.socket.close();
      agent.socket.close();
    }
  });

  it('a node that dies with the customer\'s socket takes the customer\'s "online" with it', async () => {
    const b = await spawnNode(cluster.databaseUrl);
    try {
      const a = nodes[0]!;
      const op = await loginAt(a, 'operator1');
      const agent = await connect(url(a), op);
      await agent.next((f) => f.type === 'hello');
      await post(a, '/api/v1/acd/me/state', { state: 'ready' }, { cookie: op });
      const started = await post(a, `/api/v1/chat/widgets/${DEMO_WIDGET_KEY}/chats`, { name: 'Клиент Б', contact: '+79995550002' }, {});
      expect(started.status).toBe(201);
      const token = started.json!.token as string;
      const contactId = (started.json!.state as { contactId: string }).contactId;
      await agent.next((f) => ev('acd.offer')(f) && (f.event as { data: { contactId: string } }).data.contactId === contactId);
      expect((await post(a, `/api/v1/acd/offers/${contactId}/accept`, undefined, { cookie: op })).status).toBe(200);

      // The customer's socket is on node B only; the agent on node A sees the customer online.
      const presence = (online: boolean) => (f: Frame) =>
        ev('chat.presence')(f) && (f.event as { data: { contactId: string; customerOnline: boolean } }).data.contactId === contactId && (f.event as { data: { customerOnline: boolean } }).data.customerOnline === online;
      const customer = await connect(b.base, undefined, `/api/v1/chat/ws?token=${token}&after=0`);
      await customer.next((f) => f.type === 'hello');
      await agent.next(presence(true));

      // B is killed outright: nobody closes its sockets. Gone after three missed heartbeats; A sweeps its customers out.
      const killedAt = Date.now();
      b.child.kill('SIGKILL');
      await agent.next(presence(false), 10_000);
      const took = Date.now() - killedAt;
      // Three heartbeats to be declared dead, then at most one sweep (1.5 s) and the bus.
      expect(took).toBeLessThan(3 * HEARTBEAT_MS + 1_500 + 1_500);
      const mine = await fetch(`${url(a)}/api/v1/chats/mine`, { headers: { cookie: op } }).then((r) => r.json());
      expect(mine.items.find((c: { contactId: string }) => c.contactId === contactId)).toMatchObject({ customerOnline: false });

      await post(a, `/api/v1/chats/${contactId}/end`, undefined, { cookie: op });
      await post(a, `/api/v1/acd/contacts/${contactId}/wrap-up-end`, undefined, { cookie: op });
      await post(a, '/api/v1/acd/me/state', { state: 'notReady' }, { cookie: op });
      agent.socket.close();
    } finally {
      b.child.kill('SIGKILL');
    }
  });
});
