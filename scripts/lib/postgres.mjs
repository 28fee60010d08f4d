// A throw-away PostgreSQL server for the test suite: Debian's binaries, a temporary data
// folder, a free local port, fsync off. Run as the postgres user when we are root (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebian, isRoot } from './debian.mjs';

function binDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts PostgreSQL; returns { url, stop } or { skipped: reason }. */
export async function startPostgres() {
  let bin = binDir();
  if (!bin) {
    const why = ensureDebian('/usr/lib/postgresql', ['postgresql']);
    bin = binDir();
    if (!bin) return { skipped: why ?? 'PostgreSQL binaries not found after install' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'linia-pg-'));
  const data = join(dir, 'data');
  const asPostgres = isRoot();
  if (asPostgres) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const run = (cmd, args) =>
    asPostgres
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  run('pg_ctl', [
    '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
    // LINIA_PG_OPTIONS: more server settings for an investigation (e.g. -c shared_preload_libraries=pg_stat_statements).
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${process.env.LINIA_PG_OPTIONS ?? ''}`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: bin.split('/').at(-2),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const idOf = (flag, name) => Number(execFileSync('id', [flag, name]).toString().trim());
const uidOf = (name) => idOf('-u', name);
const gidOf = (name) => idOf('-g', name);
