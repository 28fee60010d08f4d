import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { connect } from './support/wsClient.ts';
import { freshDatabase } from './support/harness.ts';

const onPostgres = Boolean(process.env.LINIA_TEST_DATABASE_URL);

/** P5 groundwork: two nodes on one PostgreSQL share events through LISTEN/NOTIFY. */
describe.runIf(onPostgres)('two server processes on one PostgreSQL', () => {
  let nodes: RunningServer[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    await fresh.db.close();
    drop = fresh.drop;
    const config = loadConfig({ databaseUrl: fresh.url!, port: 0, host: '127.0.0.1', webDist: null, seedDemo: false, logLevel: 'warn' }, {});
    nodes = [await startServer(config, { logger: false }), await startServer(config, { logger: false })];
  });
  afterAll(async () => {
    for (const n of nodes) await n.stop();
    await drop();
  });

  const loginAt = async (node: RunningServer, login: string) => {
    const res = await fetch(`${node.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'linia-demo' }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  it('an event published on one node reaches a WebSocket client of the other', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const listener = await connect(b.url.replace('localhost', '127.0.0.1'), await loginAt(b, 'operator1'));
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
});
