import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/demoCenter.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { freshDatabase } from './harness.ts';

export interface TestCluster {
  /** The nodes in start order: the first takes the routing lock. */
  nodes: RunningServer[];
  /** The cluster's database (another process may join it: `linia start` with DATABASE_URL). */
  databaseUrl: string;
  /** A node's base URL by IP (the WebSocket client does not resolve `localhost` to both families). */
  url(node: RunningServer): string;
  /** Signs in on that node; returns the cookie header. */
  loginAt(node: RunningServer, login: string): Promise<string>;
  /** Stops one node (the others keep running). */
  stop(node: RunningServer): Promise<void>;
  close(): Promise<void>;
}

/**
 * `count` server processes' worth of Linia on one fresh PostgreSQL database (tests that need
 * PostgreSQL only), with environment settings that hold while the nodes start and are put back
 * as they were on close.
 */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const fresh = await freshDatabase();
  await fresh.db.close();
  const config = loadConfig({ databaseUrl: fresh.url!, port: 0, host: '127.0.0.1', webDist: null, seedDemo: false, logLevel: 'warn' }, {});
  const nodes: RunningServer[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startServer(config, { logger: false }));
  const running = new Set(nodes);
  const url = (node: RunningServer) => node.url.replace('localhost', '127.0.0.1');
  return {
    nodes,
    databaseUrl: fresh.url!,
    url,
    async loginAt(node, login) {
      const res = await fetch(`${url(node)}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${login}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    },
    async stop(node) {
      if (running.delete(node)) await node.stop();
    },
    async close() {
      for (const node of running) await node.stop();
      running.clear();
      await fresh.drop();
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}
