import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/linia.js');

const day1 = [9, 11, 17, 9, 7, 12, 5, 11, 8, 9, 18, 17, 8, 12, 16, 8, 7, 12, 11, 10, 13, 19, 16, 7];
const day2 = [13, 13, 12, 15, 18, 20, 13, 16, 17, 8, 13, 11, 6, 19, 11, 20, 19, 17, 10, 13, 14, 23, 16, 8];
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const kinds: Record<string, number[]> = { Morning: range(5, 12), Afternoon: range(13, 20), Night: [...range(0, 4), ...range(21, 23)], Mixed: range(9, 16) };
const shifts = (max?: number) =>
  [0, 1].flatMap((day) =>
    Object.entries(kinds).map(([name, hours]) => ({
      name: `${name} ${day + 1}`,
      coverage: Array.from({ length: 48 }, (_, p) => (hours.some((h) => day * 24 + h === p) ? 1 : 0)),
      ...(max ? { max } : {}),
    })),
  );

describe('linia plan', () => {
  it('staffing: the Erlang C reference (14 agents, 20 scheduled)', async () => {
    const { stdout } = await run('node', [bin, 'plan', 'staffing', '--model', 'C', '--calls', '100', '--interval', '1800', '--aht', '180', '--threshold', '20', '--target-sl', '0.8', '--shrinkage', '0.3']);
    const r = JSON.parse(stdout);
    expect(r).toMatchObject({ agents: 14, scheduledAgents: 20, abandonment: null, blocking: null });
    expect(r.serviceLevel).toBeCloseTo(0.88835, 6);
    expect(r.waitProbability).toBeCloseTo(0.1741319, 6);
    expect(Object.keys(r).sort()).toEqual(['abandonment', 'agents', 'asa', 'blocking', 'occupancy', 'scheduledAgents', 'serviceLevel', 'waitProbability']);
  });

  it('staffing: Erlang B lines and bad input', async () => {
    const b = JSON.parse((await run('node', [bin, 'plan', 'staffing', '--model', 'B', '--calls', '10', '--interval', '1800', '--aht', '180', '--agents', '2'])).stdout);
    expect(b.blocking).toBeCloseTo(0.2, 12);
    expect(b.serviceLevel).toBeNull();
    const bad = await run('node', [bin, 'plan', 'staffing', '--calls', '-1', '--interval', '1800', '--aht', '180', '--target-sl', '0.8']).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--calls/);
  });

  it('cover: the reference problems (113 shifts; min |difference| 157)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linia-plan-'));
    try {
      const minRes = join(dir, 'min-resources.json');
      writeFileSync(minRes, JSON.stringify({ periods: 48, shifts: shifts(), requirement: [...day1, ...day2], maxCoverage: 25, objective: 'min-resources' }));
      const a = JSON.parse((await run('node', [bin, 'plan', 'cover', '--input', minRes])).stdout);
      expect(a).toMatchObject({ status: 'optimal', optimum: 113, under: 0 });
      const minAbs = join(dir, 'min-abs.json');
      writeFileSync(minAbs, JSON.stringify({ periods: 48, shifts: shifts(20), requirement: [...day1, ...day2], maxCoverage: 25, objective: 'min-abs-difference' }));
      const b = JSON.parse((await run('node', [bin, 'plan', 'cover', '--input', minAbs])).stdout);
      expect(b).toMatchObject({ status: 'optimal', optimum: 157 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('forecast: CSV on stdout, the backtest table on stderr, errors with line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linia-plan-'));
    try {
      const rows = ['interval_start,queue,offered,aht_seconds'];
      for (let d = 0; d < 63; d++) {
        const date = new Date(Date.UTC(2025, 8, 1 + d)).toISOString().slice(0, 10);
        const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (wd === 0 || wd === 6) continue;
        for (let h = 9; h < 18; h++) rows.push(`${date}T${String(h).padStart(2, '0')}:00,sales,${(wd === 1 ? 60 : 40) + (h === 12 ? 20 : 0)},${200 + h}`);
      }
      const file = join(dir, 'history.csv');
      writeFileSync(file, rows.join('\n'));
      const { stdout, stderr } = await run('node', [bin, 'plan', 'forecast', '--history', file, '--interval', '60m', '--horizon-days', '7']);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toBe('interval_start,queue,offered,aht_seconds');
      // history ends Fri 31 Oct 2025; by the Russian calendar Sat 1 Nov is a working day, 3–4 Nov are holidays
      const days = [...new Set(lines.slice(1).map((l) => l.slice(0, 10)))];
      expect(days).toEqual(['2025-11-01', '2025-11-05', '2025-11-06', '2025-11-07']);
      expect(lines).toHaveLength(1 + 4 * 9);
      expect(lines).toContain('2025-11-05T12:00,sales,60.00,212.0');
      expect(stderr).toMatch(/calendar-regression/);
      expect(stderr).toMatch(/chosen/);
      writeFileSync(file, 'interval_start,queue,offered,aht_seconds\n2025-09-01T09:00,sales,ten,200\n');
      const bad = await run('node', [bin, 'plan', 'forecast', '--history', file, '--horizon-days', '1']).catch((e) => e);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/line 2, column offered/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
