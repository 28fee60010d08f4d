// The live mode of the simulator (SPEC R6, docs/SIMULATION.md § "Live mode"): a scenario played
// against a running server through its public API and WebSockets — virtual agents (agentBot.ts)
// and customers (customerSource.ts) on a clock `speed` times faster than real time, measured by
// metrics.ts in the same terms as the engine-only simulation.
import { mulberry32, type Scenario } from '@linia/engine';
import { AgentBot } from './agentBot.ts';
import { ApiClient } from './client.ts';
import { startCustomers } from './customerSource.ts';
import { LiveMetrics, type LiveResult } from './metrics.ts';
import { SimScheduler } from './scheduler.ts';
import { inPool, setUpTenant } from './setup.ts';

export interface LiveOptions {
  /** The server, e.g. http://127.0.0.1:8080. */
  url: string;
  /** An API token of the tenant with users.edit, floor.control, acd.configure (new skills) and contacts.edit: an admin token. */
  token: string;
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Scenario queue id → the tenant's queue name or id. */
  queueMap?: Record<string, string>;
  /** Progress lines (setup, start, end). */
  log?: (line: string) => void;
  /** After the arrivals and shifts are over, how long (simulated ms) to wait for the last contacts; default one interval. */
  drainMs?: number;
}

export interface LiveRun {
  /** Resolves with the measured results when the day is over or the run is stopped. */
  done: Promise<LiveResult>;
  /** The results so far (the screen's progress line). */
  progress(): LiveResult | null;
  /** Ends the run now: agents end what they hold and sign off, waiting customers hang up. */
  stop(): void;
}

export function startLive(scenario: Scenario, opts: LiveOptions): LiveRun {
  const speed = opts.speed ?? 1;
  if (!(speed > 0)) throw new Error('speed must be > 0');
  const log = opts.log ?? (() => {});
  let metrics: LiveMetrics | null = null;
  let stopRequested = false;
  let wake: () => void = () => {};

  const done = (async (): Promise<LiveResult> => {
    const admin = new ApiClient(opts.url.replace(/\/+$/, ''), { token: opts.token });
    const setup = await setUpTenant(admin, scenario, opts.queueMap);
    log(`${setup.agents.length} agents set up; signing in`);
    const bots = setup.agents.map((a) => new AgentBot(a, admin));
    await inPool(bots, 16, (b) => b.connect());
    const failures: unknown[] = [];
    metrics = new LiveMetrics(scenario, speed);
    const sched = new SimScheduler(metrics.t0, speed, (e) => failures.push(e));
    const r = mulberry32(scenario.seed);
    for (const b of bots) b.begin(metrics, sched, r);
    startCustomers(scenario, admin, setup, metrics, sched, r);
    log(`running at ${speed}× real time`);

    const dayEnd = Math.max(scenario.intervals * scenario.intervalSeconds, ...scenario.agents.flatMap((g) => g.shifts.map((s) => s.endSeconds))) * 1000;
    const drainEnd = Math.min(dayEnd, scenario.intervals * scenario.intervalSeconds * 1000) + (opts.drainMs ?? scenario.intervalSeconds * 1000);
    const m = metrics;
    while (!stopRequested && failures.length === 0) {
      const now = sched.now();
      if (now >= scenario.intervals * scenario.intervalSeconds * 1000 && m.open() === 0) break;
      if (now >= Math.max(dayEnd, drainEnd)) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    sched.stop();
    const result = m.result();
    // Leave the tenant tidy: waiting customers hang up, agents finish what they hold and sign off.
    await inPool(m.waiting(), 16, (id) => admin.call('POST', `/acd/contacts/${id}/abandon`).catch(() => {}));
    await inPool(bots, 16, (b) => b.finish().catch(() => {}));
    log(`done: ${result.summary.offered} offered, ${result.summary.answered} answered, ${result.summary.abandoned} abandoned`);
    if (failures.length > 0) throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
    return result;
  })();

  return {
    done,
    progress: () => metrics?.result() ?? null,
    stop: () => {
      stopRequested = true;
      wake();
    },
  };
}
