// History import at scale (issue 5, W1): a year of one queue in half-hours (17,520 rows, ≈ 0.6 MB of CSV)
// checked (dry run) and imported through the same service function and tenant transaction as
// `POST /api/v1/planning/history/import`, without HTTP, on embedded PGlite. `planning_history` is not
// audited row by row, so the import measures the parse and the inserts, not the audit trigger.
// Run: `npm run bench -- planning-import`.
import type { Benchmark } from './benchmark.ts';
import { migrate, openDatabase, withTenant, type Scope } from '../packages/server/src/db/index.ts';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { importHistory } from '../packages/server/src/planning/history.ts';

function yearCsv(): string {
  const lines = ['interval_start,queue,offered,aht_seconds,handled,abandoned'];
  const start = Date.UTC(2025, 0, 1);
  for (let k = 0; k < 365 * 48; k++) {
    const t = new Date(start + k * 1_800_000).toISOString();
    const hour = (k % 48) / 2;
    const offered = Math.round(20 + 60 * Math.exp(-((hour - 11) ** 2) / 8) + 40 * Math.exp(-((hour - 16) ** 2) / 6));
    lines.push(`${t.slice(0, 10)} ${t.slice(11, 16)},bench,${offered},${180 + (k % 7) * 5},${offered - 1},1`);
  }
  return `${lines.join('\n')}\n`;
}

const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

const bench: Benchmark = {
  name: 'planning-import',
  async run() {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await migrate(db);
      const tenantId = await seedDemo(db);
      const scope: Scope = { tenantId, clientId: null, actor: { kind: 'system', id: null, name: 'bench' } };
      const csv = yearCsv();
      let started = performance.now();
      const checked = await withTenant(db, scope, (tx) => importHistory(tx, { csv, intervalMinutes: 30, dryRun: true }));
      const dryRun = seconds(started);
      started = performance.now();
      const stored = await withTenant(db, scope, (tx) => importHistory(tx, { csv, intervalMinutes: 30, dryRun: false }));
      const importSeconds = seconds(started);
      // a corrected export of the same year replaces every interval (the upsert path)
      started = performance.now();
      await withTenant(db, scope, (tx) => importHistory(tx, { csv, intervalMinutes: 30, dryRun: false }));
      const reimport = seconds(started);
      if (checked.rows !== 17_520 || !stored.stored) throw new Error('the import did not store the year');
      return {
        rows: { value: stored.rows, unit: 'rows', better: 'higher' },
        csvMegabytes: { value: Math.round(csv.length / 10_000) / 100, unit: 'MB', better: 'higher' },
        dryRunSeconds: { value: dryRun, unit: 's', better: 'lower' },
        importSeconds: { value: importSeconds, unit: 's', better: 'lower' },
        reimportSeconds: { value: reimport, unit: 's', better: 'lower' },
      };
    } finally {
      await db.close();
    }
  },
};

export default bench;
