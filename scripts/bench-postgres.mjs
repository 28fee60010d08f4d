// `node scripts/bench-postgres.mjs [NAME…]`: runs benchmarks against a throw-away PostgreSQL
// (the same Debian binaries the test suite uses), passing its URL as LINIA_BENCH_DATABASE_URL.
// Benchmarks that read that variable (journal-desk) then measure PostgreSQL instead of PGlite.
import { spawnSync } from 'node:child_process';
import { startPostgres } from './lib/postgres.mjs';

const pg = await startPostgres();
if (pg.skipped) {
  console.log(`PostgreSQL benchmark skipped: ${pg.skipped}`);
  process.exit(1);
}
let status = 1;
try {
  const run = spawnSync('node', ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LINIA_BENCH_DATABASE_URL: pg.url },
  });
  status = run.status ?? 1;
} finally {
  pg.stop();
}
process.exit(status);
