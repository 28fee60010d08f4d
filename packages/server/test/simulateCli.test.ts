import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runSimulation } from '@linia/engine';
import { parseScenario } from '../src/simulation/scenarioSchema.ts';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/linia.js');
const example = resolve(import.meta.dirname, '../../../examples/simulation/support-day.json');
const dir = mkdtempSync(join(tmpdir(), 'linia-sim-'));

/** A one-queue scenario small enough to run in a moment. */
const small = {
  seed: 7, intervalSeconds: 900, intervals: 4, serviceLevelSeconds: 20,
  queues: [{ id: 'q', channel: 'voice' }],
  arrivals: [{ queueId: 'q', callsPerInterval: 40, handleTime: { kind: 'exponential', meanSeconds: 180 }, patience: { kind: 'exponential', meanSeconds: 120 } }],
  agents: [{ idPrefix: 'a', count: 9, queues: ['q'], shifts: [{ startSeconds: 0, endSeconds: 3600 }] }],
};

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('linia simulate', () => {
  it('runs the example day and reports per interval and in sum', async () => {
    const { stdout } = await run('node', [bin, 'simulate', '--scenario', example]);
    const r = JSON.parse(stdout);
    const scenario = JSON.parse(readFileSync(example, 'utf8'));
    expect(r.intervals.length).toBeGreaterThanOrEqual(scenario.intervals);
    const s = r.summary;
    expect(s.offered).toBeGreaterThan(1500);
    expect(s.answered + s.abandoned).toBeLessThanOrEqual(s.offered);
    expect(s.serviceLevel).toBeGreaterThan(0.5);
    expect(s.serviceLevel).toBeLessThanOrEqual(1);
    expect(s.occupancy).toBeGreaterThan(0.3);
    expect(s.occupancy).toBeLessThan(1);
    // the summary is the intervals after the warm-up, added up
    const after = r.intervals.filter((i: { index: number }) => i.index >= scenario.warmupIntervals);
    expect(after.reduce((a: number, i: { offered: number }) => a + i.offered, 0)).toBe(s.offered);
  }, 60_000);

  it('is reproducible: the same seed gives the same day, another seed another', () => {
    const once = (seed: number) => {
      const parsed = parseScenario({ ...small, seed });
      if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
      return JSON.stringify(runSimulation(parsed.scenario).summary);
    };
    expect(once(7)).toBe(once(7));
    expect(once(8)).not.toBe(once(7));
    // defaults filled in: strategy longestIdle, no wrap-up, offer timeout 20 s
    expect(JSON.parse(once(7)).offered).toBeGreaterThan(100);
  });

  it.each([
    [{ ...small, queues: [{ id: 'q', channel: 'voice', strategy: 'fastest' }] }, /^queues\.0\.strategy: /],
    [{ ...small, arrivals: [{ ...small.arrivals[0], handleTime: { kind: 'normal', meanSeconds: 1 } }] }, /^arrivals\.0\.handleTime/],
    [{ ...small, agents: [{ ...small.agents[0], count: -1 }] }, /^agents\.0\.count: /],
    [{ ...small, agentz: [] }, /agentz/],
  ])('names the path of a wrong field (%#)', (input, message) => {
    const parsed = parseScenario(input);
    expect('problems' in parsed && parsed.problems.some((p) => message.test(p))).toBe(true);
  });

  it('exits 1 naming the file and the problem', async () => {
    const fails = async (path: string, message: RegExp) => {
      const e = await run('node', [bin, 'simulate', '--scenario', path]).catch((err: { code: number; stderr: string }) => err);
      expect((e as { code: number }).code).toBe(1);
      expect((e as { stderr: string }).stderr).toMatch(message);
    };
    await fails(file('unknown.json', { ...small, arrivals: [{ ...small.arrivals[0], queueId: 'sales' }] }), /unknown\.json: arrivals: unknown queue sales/);
  }, 60_000);
});
