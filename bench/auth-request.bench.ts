// What authenticating a request costs: signed-in GET /api/v1/auth/me (a route that does no work of
// its own) through `app.inject`, so the figure is the guard plus Fastify — with the principal cache
// (default, LINIA_AUTH_CACHE_MS=5000), without it (0: one SELECT per request, no transaction), and
// with an API token. Embedded PGlite with the demo data by default; PostgreSQL when
// LINIA_BENCH_DATABASE_URL names a server (`node scripts/bench-postgres.mjs auth-request`).
// 8 requests in flight, as a busy node has. No goal in the issue: the figures say what a request's
// authentication costs (the ACD's live load test makes three authenticated requests per contact).
import type { Benchmark, Metric } from './benchmark.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { migrate } from '../packages/server/src/db/index.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demoCenter.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { InProcessBus } from '../packages/server/src/realtime/bus.ts';
import { openBenchDatabase } from './benchDatabase.ts';

const SECONDS = Number(process.env.LINIA_BENCH_SECONDS ?? 3);
const IN_FLIGHT = 8;

const bench: Benchmark = {
  name: process.env.LINIA_BENCH_DATABASE_URL ? 'auth-request-postgres' : 'auth-request',
  async run() {
    const { db, close } = await openBenchDatabase();
    await migrate(db);
    await seedDemo(db);
    const metrics: Record<string, Metric> = {};
    try {
      for (const cacheMs of ['5000', '0']) {
        const config = loadConfig({ webDist: null, logLevel: 'warn', seedDemo: false }, { LINIA_WEBHOOK_POLL_MS: '0', LINIA_AUTH_CACHE_MS: cacheMs });
        const app = await buildApp({ config, db, bus: new InProcessBus(), logger: false });
        await app.ready();
        try {
          const login = async (name: string) => {
            const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password: DEMO_PASSWORD } });
            const c = res.cookies.find((x) => x.name === 'linia_session')!;
            return `linia_session=${c.value}`;
          };
          // Several people, as on a floor: with the cache each costs one look-up per time-to-live.
          const cookies = await Promise.all(['operator1', 'operator2', 'operator3', 'operator4', 'senior', 'lead'].map(login));
          const perSecond = async (headersOf: (i: number) => Record<string, string>) => {
            let n = 0;
            const until = performance.now() + SECONDS * 1000;
            const start = performance.now();
            await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, worker) => {
              while (performance.now() < until) {
                const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: headersOf(worker + n) });
                if (res.statusCode !== 200) throw new Error(`auth/me: ${res.statusCode} ${res.body}`);
                n++;
              }
            }));
            return Math.round((n * 1000) / (performance.now() - start));
          };
          const label = cacheMs === '0' ? 'uncached' : 'cached';
          metrics[`session requests/s (${label})`] = { value: await perSecond((i) => ({ cookie: cookies[i % cookies.length]! })), unit: 'req/s', better: 'higher' };
          if (cacheMs !== '0') {
            const admin = await login('admin');
            const token = (await app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: { cookie: admin }, payload: { name: 'bench', role: 'cc_manager' } })).json().secret as string;
            metrics['API token requests/s (cached)'] = { value: await perSecond(() => ({ authorization: `Bearer ${token}` })), unit: 'req/s', better: 'higher' };
          }
        } finally {
          await app.close();
        }
      }
    } finally {
      await close();
    }
    return metrics;
  },
};

export default bench;
