import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/linia.js');
const onPglite = !process.env.LINIA_TEST_DATABASE_URL;

describe('the linia command', () => {
  it('every command has --help', async () => {
    const top = await run('node', [bin, '--help']);
    for (const cmd of ['start', 'migrate', 'demo', 'user']) expect(top.stdout).toContain(cmd);
    const start = await run('node', [bin, 'start', '--help']);
    expect(start.stdout).toMatch(/--port/);
    expect(start.stdout).toMatch(/--data/);
    const create = await run('node', [bin, 'user', 'create', '--help']);
    expect(create.stdout).toMatch(/--role/);
  });

  it.runIf(onPglite)('migrates a new data folder, creates a user there, and rejects bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linia-cli-'));
    try {
      expect((await run('node', [bin, 'migrate', '--data', dir])).stdout).toContain('up to date');
      const created = await run('node', [bin, 'user', 'create', '--data', dir, '--login', 'boss', '--name', 'Boss', '--role', 'admin', '--password', 'long-enough', '--tenant', 'acme']);
      expect(JSON.parse(created.stdout)).toMatchObject({ login: 'boss', role: 'admin', tenant: 'acme' });
      const bad = await run('node', [bin, 'user', 'create', '--data', dir, '--login', 'x', '--name', 'X', '--role', 'admin', '--password', 'short']).catch((e) => e);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/password/);
      const badRole = await run('node', [bin, 'user', 'create', '--data', dir, '--login', 'y', '--name', 'Y', '--role', 'king', '--password', 'long-enough']).catch((e) => e);
      expect(badRole.stderr).toMatch(/Allowed choices/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
