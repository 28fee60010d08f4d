import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.ts';
import { startCluster, type TestCluster } from './support/cluster.ts';
import { connect } from './support/wsClient.ts';

const onPostgres = Boolean(process.env.LINIA_TEST_DATABASE_URL);

/** P5: two nodes on one PostgreSQL share events through LISTEN/NOTIFY; the one that does not route forwards live ACD requests. */
describe.runIf(onPostgres)('two server processes on one PostgreSQL', () => {
  let cluster: TestCluster;
  let nodes: RunningServer[];
  beforeAll(async () => {
    // Short clocks so the test sees an agent go offline: 1 s without sockets, heartbeats every 200 ms (gone after 600 ms).
    cluster = await startCluster(2, { LINIA_AGENT_OFFLINE_SECONDS: '1', LINIA_CLUSTER_HEARTBEAT_MS: '200' });
    nodes = cluster.nodes;
  });
  afterAll(() => cluster.close());

  const loginAt = (node: RunningServer, login: string) => cluster.loginAt(node, login);

  it('an event published on one node reaches a WebSocket client of the other', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const listener = await connect(cluster.url(b), await loginAt(b, 'operator1'));
    await listener.next((f) => f.type === 'hello');
    const res = await fetch(`${a.url}/api/v1/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await loginAt(a, 'admin') },
      body: JSON.stringify({ name: 'Создан на узле A' }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const event = await listener.next((f) => f.type === 'event');
    expect(event).toMatchObject({ topic: 'tenant', event: { type: 'client.changed', data: { id, action: 'create' } } });
    listener.socket.close();
  });

  it('a live ACD request to the node that does not route is served by the routing node; sockets on any node keep an agent online', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const op = await loginAt(b, 'operator1');
    const admin = await loginAt(b, 'admin');
    const me = (await (await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie: op } })).json()) as { id?: string; user?: { id: string } };
    const opId = me.id ?? me.user!.id;
    const call = async (node: RunningServer, cookie: string, method: string, path: string, body?: object) => {
      const res = await fetch(`${node.url}${path}`, {
        method,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> };
    };
    const queues = (await call(b, admin, 'GET', '/api/v1/acd/queues')).body.items as { id: string; name: string }[];
    const queue = queues.find((q) => q.name === 'Поддержка — звонки')!;

    // The operator's only WebSocket is on node B; node A routes.
    const ws = await connect(cluster.url(b), op);
    await ws.next((f) => f.type === 'hello');
    const ready = await call(b, op, 'POST', '/api/v1/acd/me/state', { state: 'ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.state).toBe('ready');
    // Longer than the offline time (1 s): the routing node counts the socket on B, so the agent stays.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await call(b, op, 'GET', '/api/v1/acd/me')).body.agent.state).toBe('ready');

    // An arrival posted to B is routed on A and offered over B's WebSocket.
    const arrived = await call(b, admin, 'POST', '/api/v1/acd/arrivals', { queueId: queue.id, subject: 'Через узел B' });
    expect(arrived.status).toBe(201);
    expect(arrived.body).toMatchObject({ status: 'offered', agentId: opId });
    const offer = await ws.next((f) => f.type === 'event' && (f.event as { type: string }).type === 'acd.offer');
    expect(offer).toMatchObject({ event: { data: { contactId: arrived.body.contactId, agentId: opId } } });
    expect((await call(b, op, 'POST', `/api/v1/acd/offers/${arrived.body.contactId}/decline`)).status).toBe(200);

    // Node B goes away with the socket: after it stops saying it is alive, plus the offline time, the agent is offline.
    await cluster.stop(b);
    await new Promise((r) => setTimeout(r, 3000));
    const meOnA = await call(a, await loginAt(a, 'operator1'), 'GET', '/api/v1/acd/me');
    expect(meOnA.body.agent.state).toBe('offline');
  });
});
