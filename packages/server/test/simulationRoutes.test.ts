import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { testApp, type TestApp } from './support/harness.ts';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../bin/linia.js');

/** A one-queue half hour, small enough to run in a moment. */
const small = {
  seed: 11, intervalSeconds: 900, intervals: 2, serviceLevelSeconds: 20,
  queues: [{ id: 'q', channel: 'voice', wrapUpSeconds: 30 }],
  arrivals: [{ queueId: 'q', callsPerInterval: 30, handleTime: { kind: 'exponential', meanSeconds: 180 }, wrapUpTime: { kind: 'fixed', seconds: 10 }, patience: { kind: 'exponential', meanSeconds: 120 } }],
  agents: [{ idPrefix: 'a', count: 7, queues: ['q'], shifts: [{ startSeconds: 0, endSeconds: 1800 }], answerDelaySeconds: 2 }],
};

let t: TestApp;
let planner: string;
beforeAll(async () => {
  t = await testApp();
  planner = await t.login('planner');
});
afterAll(async () => t.close());

describe('POST /api/v1/simulation/runs', () => {
  it('gives the same results as `linia simulate` for the same scenario and seed', async () => {
    const res = await t.call('POST', '/api/v1/simulation/runs', small, planner);
    expect(res.statusCode).toBe(200);
    const { result, elapsedMs } = res.json();
    expect(elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.summary.offered).toBeGreaterThan(30);
    const file = join(mkdtempSync(join(tmpdir(), 'linia-simapi-')), 'small.json');
    writeFileSync(file, JSON.stringify(small));
    const { stdout } = await run('node', [bin, 'simulate', '--scenario', file]);
    expect(result).toEqual(JSON.parse(stdout));
  }, 60_000);

  it('names a wrong field by its path, as the CLI does, and runs nothing', async () => {
    const bad = { ...small, queues: [{ id: 'q', channel: 'voice', strategy: 'fastest' }], agents: [{ ...small.agents[0], count: -1 }] };
    const res = await t.call('POST', '/api/v1/simulation/runs', bad, planner);
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.queues.0.strategy');
    expect(fields).toContain('body.agents.0.count');
  });

  it('refuses a queue the scenario does not define', async () => {
    const res = await t.call('POST', '/api/v1/simulation/runs', { ...small, arrivals: [{ ...small.arrivals[0], queueId: 'nope' }] }, planner);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/unknown queue nope/);
  });

  it('is for planners, leads and managers, not operators', async () => {
    const operator = await t.login('operator1');
    expect((await t.call('POST', '/api/v1/simulation/runs', small, operator)).statusCode).toBe(403);
    expect((await t.call('POST', '/api/v1/simulation/runs', small)).statusCode).toBe(401);
  });
});
