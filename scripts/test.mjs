// `npm test`: every suite Linia has, in order, with one summary at the end.
//   unit+api (embedded) — Vitest: engine unit tests and API tests on PGlite
//   api (postgres)      — the same API tests on a real PostgreSQL started here
//   browser             — Playwright with Debian's Chromium against a real server
// Missing Debian packages (postgresql, chromium) are installed when run as root; otherwise the
// suite is skipped and named with the reason. Choose suites with: npm test -- unit postgres browser
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebian } from './lib/debian.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { ensureWebBuilt } from './lib/webBuild.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const wanted = process.argv.slice(2);
const want = (name) => wanted.length === 0 || wanted.includes(name);
const results = [];

function vitest(name, jsonFile, env, args = []) {
  rmSync(jsonFile, { force: true });
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...args], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
  });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(jsonFile)) {
    const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
    counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  }
  // A crashed run with no failing test still fails the suite.
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ name, ...counts, seconds: (Date.now() - started) / 1000 });
}

function playwright() {
  const jsonFile = join(tmp, 'playwright.json');
  rmSync(jsonFile, { force: true });
  const started = Date.now();
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
  });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(jsonFile)) {
    const s = JSON.parse(readFileSync(jsonFile, 'utf8')).stats ?? {};
    counts = { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ name: 'browser (Playwright, Chromium)', ...counts, seconds: (Date.now() - started) / 1000 });
}

const skip = (name, why) => results.push({ name, passed: 0, failed: 0, skipped: 0, why });

if (want('unit')) vitest('unit + API (embedded PGlite)', join(tmp, 'vitest-pglite.json'), { LINIA_TEST_DATABASE_URL: '' });

if (want('postgres')) {
  const pg = await startPostgres();
  if (pg.skipped) skip('API (PostgreSQL)', pg.skipped);
  else {
    try {
      vitest(`API (PostgreSQL ${pg.version})`, join(tmp, 'vitest-postgres.json'), { LINIA_TEST_DATABASE_URL: pg.url }, ['packages/server/test']);
    } finally {
      pg.stop();
    }
  }
}

if (want('browser')) {
  const why = ensureDebian('/usr/bin/chromium', ['chromium']);
  if (why) skip('browser (Playwright, Chromium)', why);
  else {
    ensureWebBuilt();
    playwright();
  }
}

console.log('\nLinia test summary');
for (const r of results) {
  const line = r.why ? `SKIPPED — ${r.why}` : `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(0)} s)`;
  console.log(`  ${r.name.padEnd(34)} ${line}`);
}
const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
