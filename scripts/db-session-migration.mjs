#!/usr/bin/env node
/**
 * Regenerates the newest, not-yet-released migration from the current schema.
 *
 * While several schema changes are in progress at once, each regenerating its own numbered
 * migration would leave gaps and conflicting snapshots. Instead every change regenerates one
 * shared migration (number FIRST and up) from the union of all schema files; whoever runs it last
 * produces the right file. Migrations below FIRST are released and never touched.
 *
 *   node scripts/db-session-migration.mjs <first-unreleased-index> <name>
 *
 * Runs under an exclusive lock so two regenerations never interleave.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [firstArg, name] = process.argv.slice(2);
const first = Number(firstArg);
if (!Number.isInteger(first) || first < 1 || !name) {
  console.error('usage: node scripts/db-session-migration.mjs <first-unreleased-index> <name>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'packages/server/migrations');
const lock = resolve(root, '.tmp/db-session-migration.lock');
mkdirSync(resolve(root, '.tmp'), { recursive: true });

// mkdir is atomic: the lock is a directory.
for (let tries = 0; ; tries++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (tries > 600) throw new Error(`lock ${lock} held for 10 minutes; remove it if no generation is running`);
    execFileSync('sleep', ['1']);
  }
}
try {
  const journalPath = resolve(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  for (const e of journal.entries.filter((e) => e.idx >= first)) {
    rmSync(resolve(dir, `${e.tag}.sql`), { force: true });
    rmSync(resolve(dir, `meta/${String(e.idx).padStart(4, '0')}_snapshot.json`), { force: true });
  }
  journal.entries = journal.entries.filter((e) => e.idx < first);
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  for (const f of readdirSync(dir)) {
    const n = Number(f.slice(0, 4));
    if (f.endsWith('.sql') && n >= first) rmSync(resolve(dir, f));
  }
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'packages/server/drizzle.config.ts', '--name', name], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(journalPath)) throw new Error('drizzle-kit left no journal');
} finally {
  rmSync(lock, { recursive: true, force: true });
}
