// The ACD live through the server (issue 4 "Live" performance, PGlite part): contacts registered
// into a queue per second over HTTP (journal row committed, routed, decisions persisted), and
// the offer latency from the arrival request to the agent's WebSocket frame. The real app on a
// real port (HTTP + WebSocket), the demo center on an in-memory PGlite.
// The full live figure (500 contacts/s, 2,000 agents, PostgreSQL, pgbench ratio) needs a
// PostgreSQL server and a load generator; this is the figure to compare it against.
// Run: `npm run bench -- acd-live`.
import WebSocket from 'ws';
import type { Benchmark, Metric } from './benchmark.ts';
import { migrate, openDatabase } from '../packages/server/src/db/index.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { InProcessBus } from '../packages/server/src/realtime/bus.ts';

const ARRIVALS = Number(process.env.LINIA_BENCH_ARRIVALS ?? 2000);
const CONCURRENCY = 16;
const OFFERS = Number(process.env.LINIA_BENCH_OFFERS ?? 200);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const bench: Benchmark = {
  name: 'acd-live',
  async run() {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(db);
    await seedDemo(db);
    const app = await buildApp({ config: loadConfig({ webDist: null, logLevel: 'warn' }, {}), db, bus: new InProcessBus(), logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const login = async (name: string) => {
        const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password: 'linia-demo' }) });
        return r.headers.getSetCookie()[0]!.split(';')[0]!;
      };
      const call = async (cookie: string, method: string, path: string, body?: object) => {
        const r = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
        if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
        return r.status === 204 ? null : r.json();
      };
      const admin = await login('admin');
      const queues = (await call(admin, 'GET', '/api/v1/acd/queues')).items as { id: string; name: string }[];
      const sales = queues.find((q) => q.name === 'Продажи — звонки')!;
      const support = queues.find((q) => q.name === 'Поддержка — звонки')!;

      // 1. Arrivals with nobody ready: every one is journal row + routing + persisted decisions.
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < ARRIVALS) {
            next++;
            const t0 = performance.now();
            await call(admin, 'POST', '/api/v1/acd/arrivals', { queueId: sales.id });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const arrivalsPerSecond = (ARRIVALS * 1000) / (performance.now() - started);

      // 2. Offer latency: arrival request → the agent's WebSocket frame; the agent accepts and ends (no wrap-up).
      await call(admin, 'PATCH', `/api/v1/acd/queues/${support.id}`, { wrapUpSeconds: 0 });
      const op = await login('operator1');
      const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws`, { headers: { cookie: op } });
      const waiting = new Map<string, (at: number) => void>();
      const early = new Map<string, number>();
      ws.on('message', (raw) => {
        const f = JSON.parse(String(raw)) as { type: string; event?: { type: string; data: { contactId: string } } };
        if (f.type !== 'event' || f.event?.type !== 'acd.offer') return;
        const at = performance.now();
        const w = waiting.get(f.event.data.contactId);
        if (w) w(at);
        else early.set(f.event.data.contactId, at);
      });
      await new Promise((r) => ws.once('open', r));
      await call(op, 'POST', '/api/v1/acd/me/state', { state: 'ready' });
      const offerMs: number[] = [];
      for (let i = 0; i < OFFERS; i++) {
        const t0 = performance.now();
        const { contactId } = await call(admin, 'POST', '/api/v1/acd/arrivals', { queueId: support.id });
        const at = early.get(contactId) ?? (await new Promise<number>((r) => waiting.set(contactId, r)));
        offerMs.push(at - t0);
        await call(op, 'POST', `/api/v1/acd/offers/${contactId}/accept`);
        await call(op, 'POST', `/api/v1/acd/contacts/${contactId}/end`);
      }
      ws.close();
      const metrics: Record<string, Metric> = {
        arrivalsPerSecond: { value: round(arrivalsPerSecond, 1), unit: `contacts/s (PGlite, ${CONCURRENCY} concurrent requests, ${ARRIVALS} contacts)`, better: 'higher' },
        arrivalLatencyP50: { value: round(quantile(latencies, 0.5)), unit: 'ms', better: 'lower' },
        arrivalLatencyP99: { value: round(quantile(latencies, 0.99)), unit: 'ms', better: 'lower' },
        offerLatencyP50: { value: round(quantile(offerMs, 0.5)), unit: 'ms (arrival request → agent WebSocket)', better: 'lower' },
        offerLatencyP99: { value: round(quantile(offerMs, 0.99)), unit: 'ms', better: 'lower' },
      };
      return metrics;
    } finally {
      await app.close();
      await db.close();
    }
  },
};

export default bench;
