// Quality results through the database (issue 6): the agent × week score report and the error
// frequency report over 100,000 submitted evaluations (LINIA_BENCH_EVALUATIONS), on embedded PGlite
// or PostgreSQL (LINIA_BENCH_DATABASE_URL), through the same service functions and tenant
// transaction (row security) as the API, without HTTP. The goal: an agent-period report
// over 100,000 evaluations ≤ 500 ms. The reports read the daily rollups (quality/rollups.ts); the
// bulk load bypasses them, so the first step rebuilds them (timed too). The engine part alone is
// bench/quality-scoring.bench.ts. Seeding is set-based SQL with the audit trigger off for the
// bulk load. Run: `npm run bench -- quality-report`; `node scripts/bench-postgres.mjs quality-report`.
import { sql } from 'drizzle-orm';
import type { Benchmark } from './benchmark.ts';
import { asSystem, migrate, withTenant, type Scope } from '../packages/server/src/db/index.ts';
import { rebuildQualityRollups } from '../packages/server/src/quality/rollups.ts';
import { benchServerUrl, openBenchDatabase } from './benchDatabase.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { errorReport, scoreReport } from '../packages/server/src/quality/reports.ts';

const EVALUATIONS = Number(process.env.LINIA_BENCH_EVALUATIONS ?? 100_000);
const RUNS = Number(process.env.LINIA_BENCH_RUNS ?? 10);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))]!);
};

const bench: Benchmark = {
  // One result file per database, so the embedded and the PostgreSQL figures sit side by side.
  name: benchServerUrl ? 'quality-report-postgres' : 'quality-report',
  async run() {
    const { db, close } = await openBenchDatabase();
    await migrate(db);
    const tenantId = await seedDemo(db);
    const tables = ['contacts', 'quality_evaluations'];
    await asSystem(db, async (tx) => {
      for (const t of tables) await tx.execute(sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER linia_audit`));
      // One contact per evaluation over half a year, spread over the demo's desk workers.
      await tx.execute(sql`
        INSERT INTO contacts (tenant_id, client_id, hotline_id, channel, status, agent_id, agent_ids, subject, created_at, ended_at)
        SELECT ${tenantId}, h.client_id, h.id, 'chat', 'closed', a.ids[1 + g % array_length(a.ids, 1)], ARRAY[a.ids[1 + g % array_length(a.ids, 1)]], 'bench ' || g,
               now() - make_interval(secs => g * 157.0), now() - make_interval(secs => g * 157.0) + interval '5 minutes'
        FROM generate_series(1, ${EVALUATIONS}) g
        CROSS JOIN (SELECT id, client_id FROM hotlines WHERE tenant_id = ${tenantId} ORDER BY code LIMIT 1) h
        CROSS JOIN (SELECT array_agg(id ORDER BY login) AS ids FROM users WHERE tenant_id = ${tenantId} AND role IN ('operator', 'senior_operator')) a`);
      await tx.execute(sql`
        INSERT INTO quality_evaluations (tenant_id, contact_id, version_id, hotline_id, agent_id, group_id, evaluator_id, status, contact_at,
                                         answers, score, raw_score, errors_customer, errors_business, errors_compliance, errors_non_critical, criteria, submitted_at)
        SELECT ${tenantId}, c.id, v.id, c.hotline_id, c.agent_id, (SELECT id FROM quality_groups WHERE tenant_id = ${tenantId} LIMIT 1),
               (SELECT id FROM users WHERE tenant_id = ${tenantId} AND login = 'quality'), 'submitted', c.ended_at,
               '{}'::jsonb, (abs(hashtext(c.id::text)) % 1000) / 1000.0, (abs(hashtext(c.id::text)) % 1000) / 1000.0,
               abs(hashtext('c' || c.id)) % 2, 0, 0, abs(hashtext('n' || c.id)) % 2,
               jsonb_build_array(
                 jsonb_build_object('criterionId', 'greeting', 'errorClass', 'nonCritical', 'score', 1, 'failed', false),
                 jsonb_build_object('criterionId', 'politeness', 'errorClass', 'customer', 'score', 0.75, 'failed', abs(hashtext('p' || c.id)) % 10 = 0),
                 jsonb_build_object('criterionId', 'correct', 'errorClass', 'customer', 'score', 1, 'failed', abs(hashtext('k' || c.id)) % 7 = 0)),
               c.ended_at
        FROM contacts c CROSS JOIN LATERAL (SELECT id FROM quality_scorecard_versions WHERE tenant_id = ${tenantId} LIMIT 1) v
        WHERE c.tenant_id = ${tenantId} AND c.subject LIKE 'bench %'`);
      for (const t of tables) await tx.execute(sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER linia_audit`));
      for (const t of tables) await tx.execute(sql.raw(`ANALYZE ${t}`));
    });
    const scope: Scope = { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'bench' } };
    const time = async (fn: () => Promise<unknown>) => {
      await fn(); // warm-up
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await fn();
        xs.push(performance.now() - start);
      }
      return xs;
    };
    const started = performance.now();
    await withTenant(db, scope, (tx) => rebuildQualityRollups(tx));
    const rebuildMs = Math.round(performance.now() - started);
    const weekly = await time(() => withTenant(db, scope, (tx) => scoreReport(tx, { by: 'agent', period: 'week' })));
    const rows = (await withTenant(db, scope, (tx) => scoreReport(tx, { by: 'agent', period: 'week' }))).rows;
    // Three months whose ends fall mid-day: whole days from the rollups, two partial days from the evaluations.
    const to = new Date(Date.now() - 10 * 86_400_000 + 13_579_000);
    const range = { from: new Date(to.getTime() - 91 * 86_400_000 - 7_777_000).toISOString(), to: to.toISOString() };
    const monthly = await time(() => withTenant(db, scope, (tx) => scoreReport(tx, { by: 'agent', period: 'month', ...range })));
    const errors = await time(() => withTenant(db, scope, (tx) => errorReport(tx, { by: 'agent', period: 'week' })));
    await close();
    return {
      database: { value: benchServerUrl ? 1 : 0, unit: benchServerUrl ? 'PostgreSQL' : 'PGlite (embedded)', better: 'higher' },
      evaluations: { value: EVALUATIONS, unit: 'evaluations', better: 'higher' },
      rollupRebuild: { value: rebuildMs, unit: 'ms', better: 'lower' },
      agentWeekRows: { value: rows.length, unit: 'rows', better: 'higher' },
      agentWeekReportP50: { value: pct(weekly, 0.5), unit: 'ms', goal: 500, better: 'lower' },
      agentWeekReportP95: { value: pct(weekly, 0.95), unit: 'ms', goal: 500, better: 'lower' },
      agentMonthRangeReportP95: { value: pct(monthly, 0.95), unit: 'ms', goal: 500, better: 'lower' },
      errorReportP50: { value: pct(errors, 0.5), unit: 'ms', better: 'lower' },
      errorReportP95: { value: pct(errors, 0.95), unit: 'ms', better: 'lower' },
    };
  },
};

export default bench;
