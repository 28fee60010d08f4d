// The ACD live under load (issue 4, "Performance: live on PostgreSQL"): a Linia server in its own
// process (`linia start`) on PostgreSQL, 2,000 agents connected over WebSockets, customers
// arriving at a target of 500 contacts/s over HTTP (POST /api/v1/acd/arrivals). Measured from the
// outside, as the live simulator measures: arrivals accepted per second (201 received), contacts
// routed per second (offers arriving on the agents' WebSockets), offer latency p50/p99 (arrival
// request sent → offer frame on the agent's WebSocket). Agents accept each offer at once and end
// the contact after HOLD_MS (no wrap-up), so the floor keeps free agents. In the same run, on the
// same PostgreSQL server: `pgbench -N` (simple update) TPS, and the ratio routed/s ÷ pgbench TPS.
//
// `node scripts/bench-postgres.mjs acd-live` (PostgreSQL: the figure). Without
// LINIA_BENCH_DATABASE_URL the same harness runs on an embedded PGlite with 200 agents at 50/s.
// Sizes: LINIA_BENCH_AGENTS, LINIA_BENCH_RATE (contacts/s), LINIA_BENCH_SECONDS; where the server's
// time goes: LINIA_BENCH_PROFILE_DIR (a .cpuprofile of the server process).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import WebSocket from 'ws';
import type { Benchmark, Metric } from './benchmark.ts';
import { asSystem, migrate, openDatabase, withTenant, type Database } from '../packages/server/src/db/index.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { DEMO_TENANT } from '../packages/server/src/demo/demoCenter.ts';
import { tenants, hotlines } from '../packages/server/src/tenants/schema.ts';
import { users } from '../packages/server/src/people/schema.ts';
import { sessions } from '../packages/server/src/auth/schema.ts';
import { hashPassword } from '../packages/server/src/auth/passwords.ts';
import { newSecret, sha256 } from '../packages/server/src/auth/secrets.ts';
import { acdAgents, acdQueues } from '../packages/server/src/acd/schema.ts';
import { createServer, type AddressInfo } from 'node:net';
import { quantile } from '../packages/server/src/simulation/live/metrics.ts';
import { throwAwayDatabase } from './benchDatabase.ts';
import { inPool } from '../packages/server/src/simulation/live/setup.ts';

const serverUrl = process.env.LINIA_BENCH_DATABASE_URL;
const AGENTS = Number(process.env.LINIA_BENCH_AGENTS ?? (serverUrl ? 2000 : 200));
const RATE = Number(process.env.LINIA_BENCH_RATE ?? (serverUrl ? 500 : 50));
const SECONDS = Number(process.env.LINIA_BENCH_SECONDS ?? 20);
/** Arrival requests in flight at most: beyond it the generator falls behind the target (and says so). */
const IN_FLIGHT = 512;
const HOLD_MS = 1000;
const bin = resolve(import.meta.dirname, '../packages/server/bin/linia.js');

/** A port nobody listens on now. */
const freePort = () =>
  new Promise<number>((done) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => done(port));
    });
  });
const round = (x: number | null, d = 1) => (x === null ? 0 : Math.round(x * 10 ** d) / 10 ** d);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A throw-away database on the PostgreSQL server, or an embedded PGlite folder. */
async function database(): Promise<{ db: Database; env: Record<string, string>; args: string[]; pgUrl: string | null; drop: () => Promise<void> }> {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'linia-acd-live-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    return { db, env: {}, args: ['--data', dir], pgUrl: null, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const target = await throwAwayDatabase(serverUrl, 'linia_acd');
  const db = await openDatabase({ kind: 'postgres', url: target.url });
  return {
    db,
    env: { DATABASE_URL: target.url },
    args: [],
    pgUrl: target.url,
    drop: target.drop,
  };
}

/** The demo center plus a bench queue and AGENTS agents in it, each with an open session. */
async function seed(db: Database): Promise<{ queueId: string; agents: { id: string; cookie: string }[]; adminCookie: string }> {
  await migrate(db);
  await seedDemo(db);
  const [t] = await asSystem(db, (tx) => tx.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT.slug)));
  if (!t) throw new Error('no demo tenant');
  const scope = { tenantId: t.id, clientId: null, actor: { kind: 'system' as const, id: null, name: 'bench' } };
  const passwordHash = await hashPassword(newSecret());
  const expiresAt = new Date(Date.now() + 86_400_000);
  return withTenant(db, scope, async (tx) => {
    const [hotline] = await tx.select().from(hotlines).limit(1);
    const [queue] = await tx
      .insert(acdQueues)
      .values({ hotlineId: hotline!.id, clientId: hotline!.clientId, name: 'Нагрузка', channel: 'voice', wrapUpSeconds: 0, offerTimeoutSeconds: 120 })
      .returning();
    const agents: { id: string; cookie: string }[] = [];
    for (let from = 0; from < AGENTS; from += 500) {
      const rows = await tx
        .insert(users)
        .values(Array.from({ length: Math.min(500, AGENTS - from) }, (_, i) => ({ login: `bench-${from + i + 1}`, name: `Нагрузка ${from + i + 1}`, role: 'operator', passwordHash })))
        .returning({ id: users.id });
      await tx.insert(acdAgents).values(rows.map((r) => ({ userId: r.id, queueIds: [queue!.id] })));
      const secrets = rows.map(() => newSecret());
      await tx.insert(sessions).values(rows.map((r, i) => ({ userId: r.id, tokenHash: sha256(secrets[i]!), expiresAt })));
      rows.forEach((r, i) => agents.push({ id: r.id, cookie: `linia_session=${secrets[i]}` }));
    }
    const [adminRow] = await tx.select().from(users).where(eq(users.login, 'admin'));
    const adminSecret = newSecret();
    await tx.insert(sessions).values({ userId: adminRow!.id, tokenHash: sha256(adminSecret), expiresAt });
    return { queueId: queue!.id, agents, adminCookie: `linia_session=${adminSecret}` };
  });
}

/** `linia start` in its own process: the server does not share an event loop with the load. */
async function startServer(env: Record<string, string>, args: string[]): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // LINIA_BENCH_PROFILE_DIR: the server writes a CPU profile there (stopped gracefully to write it).
  const profile = process.env.LINIA_BENCH_PROFILE_DIR;
  const child = spawn('node', [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), bin, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-demo', ...args], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', LINIA_AGENT_OFFLINE_SECONDS: '600' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    base,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        // The measurement is over; a graceful stop would first work off the agents' last requests.
        child.kill(profile ? 'SIGTERM' : 'SIGKILL');
      }),
  };
}

async function post(base: string, cookie: string, path: string, body?: object): Promise<Response> {
  return fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
}

/** pgbench simple-update TPS on the same server (its own database). */
function pgbench(url: string | null): number | null {
  if (!url) return null;
  const u = new URL(url);
  const name = `pgbench_${randomBytes(3).toString('hex')}`;
  const conn = () => ['-h', u.hostname, '-p', u.port, '-U', u.username || 'postgres'];
  const run = (cmd: string, a: string[]) => spawnSync(cmd, a, { encoding: 'utf8' });
  run('createdb', [...conn(), name]);
  const init = run('pgbench', [...conn(), '-i', '-s', '10', '-q', name]);
  if (init.status !== 0) throw new Error(`pgbench -i: ${init.stderr}`);
  const r = run('pgbench', [...conn(), '-N', '-c', '8', '-j', '2', '-T', '15', name]);
  run('dropdb', [...conn(), name]);
  const m = /tps = ([\d.]+)/.exec(r.stdout);
  if (!m) throw new Error(`pgbench: ${r.stdout}${r.stderr}`);
  return Number(m[1]);
}

const bench: Benchmark = {
  name: serverUrl ? 'acd-live-postgres' : 'acd-live',
  async run() {
    const store = await database();
    const { queueId, agents, adminCookie } = await seed(store.db);
    await store.db.close();
    const server = await startServer(store.env, store.args);
    const sockets: WebSocket[] = [];
    try {
      const base = server.base;
      // 1. the floor: every agent's WebSocket open, then ready.
      const sent = new Map<string, number>();
      const early = new Map<string, number>();
      const latencies: number[] = [];
      /** Contacts offered at least once (a re-offer after a timeout is not a second routing). */
      const offeredIds = new Set<string>();
      let lastOffer = 0;
      const errors: string[] = [];
      await inPool(agents, 50, async (a) => {
        const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws`, { headers: { cookie: a.cookie } });
        await new Promise((r, j) => ws.once('open', r).once('error', j));
        ws.on('message', (raw) => {
          const f = JSON.parse(String(raw)) as { type: string; event?: { type: string; data: { contactId: string; agentId: string } } };
          if (f.type !== 'event' || f.event?.type !== 'acd.offer' || f.event.data.agentId !== a.id) return;
          const at = performance.now();
          const id = f.event.data.contactId;
          if (!offeredIds.has(id)) {
            offeredIds.add(id);
            lastOffer = at;
            const t0 = sent.get(id);
            if (t0 === undefined) early.set(id, at);
            else latencies.push(at - t0);
          }
          void post(base, a.cookie, `/acd/offers/${id}/accept`)
            .then(() => sleep(HOLD_MS))
            .then(() => post(base, a.cookie, `/acd/contacts/${id}/end`))
            .catch((e: Error) => errors.push(e.message));
        });
        sockets.push(ws);
      });
      await inPool(agents, 50, async (a) => {
        const r = await post(base, a.cookie, '/acd/me/state', { state: 'ready' });
        if (!r.ok) throw new Error(`ready: ${r.status} ${await r.text()}`);
      });

      // 2. customers: open loop at RATE/s for SECONDS, at most IN_FLIGHT requests outstanding.
      const total = RATE * SECONDS;
      let accepted = 0;
      let refused = 0;
      let inFlight = 0;
      let behindMs = 0;
      const t0 = performance.now();
      let lastAck = t0;
      const pending: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / RATE;
        const now = performance.now();
        if (due > now) await sleep(due - now);
        while (inFlight >= IN_FLIGHT) await sleep(1);
        behindMs = Math.max(behindMs, performance.now() - due);
        inFlight++;
        const at = performance.now();
        pending.push(
          post(base, adminCookie, '/acd/arrivals', { queueId })
            .then(async (r) => {
              if (r.status !== 201) {
                refused++;
                if (errors.length < 5) errors.push(`${r.status} ${await r.text()}`);
                return;
              }
              const { contactId } = (await r.json()) as { contactId: string };
              accepted++;
              lastAck = performance.now();
              sent.set(contactId, at);
              const e = early.get(contactId);
              if (e !== undefined) latencies.push(e - at);
            })
            .catch((e: Error) => void (refused++, errors.push(e.message)))
            .finally(() => void inFlight--),
        );
      }
      await Promise.all(pending);
      // the last offers (at most 30 s more)
      for (let i = 0; i < 300 && offeredIds.size < accepted; i++) await sleep(100);
      const acceptedPerSecond = (accepted * 1000) / (lastAck - t0);
      const routed = offeredIds.size;
      const routedPerSecond = (routed * 1000) / (Math.max(lastOffer, lastAck) - t0);
      // Errors of the measurement only: the agents' last requests fail once the server is stopped.
      const measuredErrors = errors.slice();
      for (const ws of sockets) ws.close();
      await server.stop();

      // 3. pgbench on the same PostgreSQL server, the Linia server stopped.
      const tps = pgbench(store.pgUrl);
      if (measuredErrors.length) console.log(`  first errors: ${measuredErrors.slice(0, 3).join(' | ')}`);
      const metrics: Record<string, Metric> = {
        agents: { value: AGENTS, unit: 'agents connected over WebSockets', better: 'higher' },
        targetRate: { value: RATE, unit: `contacts/s offered for ${SECONDS} s (${total} contacts; open loop, ≤ ${IN_FLIGHT} in flight)`, better: 'higher' },
        acceptedPerSecond: { value: round(acceptedPerSecond), unit: `contacts/s acknowledged (201) on ${serverUrl ? 'PostgreSQL' : 'PGlite'}; ${refused} refused`, better: 'higher' },
        routedPerSecond: { value: round(routedPerSecond), unit: `contacts/s offered to an agent (offer frame on its WebSocket); ${routed} of ${accepted}`, better: 'higher' },
        offerLatencyP50: { value: round(quantile(latencies, 0.5)), unit: 'ms (arrival request sent → offer on the agent WebSocket)', better: 'lower' },
        offerLatencyP99: { value: round(quantile(latencies, 0.99)), unit: 'ms', better: 'lower' },
        generatorBehind: { value: round(behindMs), unit: 'ms the load generator fell behind its schedule at worst (the server did not keep up)', better: 'lower' },
      };
      if (tps !== null) {
        metrics.pgbenchTps = { value: round(tps), unit: 'TPS, pgbench -N (simple update), 8 clients, same server', better: 'higher' };
        metrics.routedPerPgbenchTps = { value: round(routedPerSecond / tps, 3), unit: 'routed/s ÷ pgbench TPS', better: 'higher', goal: 0.5 };
      }
      return metrics;
    } finally {
      for (const ws of sockets) ws.terminate();
      await server.stop().catch(() => {});
      await store.drop();
    }
  },
};

export default bench;
