// Routing engine alone (issue 4): 10,000 agents, 500 queues, 200 skills, 50,000 waiting contacts.
// Every agent is busy and 50,000 contacts wait; each cycle ends one agent's contact (the agent
// pulls the best contact it qualifies for → an offer), the agent accepts, and a new contact
// arrives (queued, with position and EWT). A routing decision is the engine deciding where a
// contact goes: an offer to an agent, or a place in a queue (contactQueued, with position and
// EWT). decisionsPerSecond counts both per wall-clock second over whole cycles (all events,
// the offer acceptances included); offersPerSecond counts offers alone, over the same time —
// the strict reading of the goal, so it has the goal too. Latency is per event.
import type { Benchmark } from './benchmark.ts';
import { RoutingEngine, type QueueConfig, type RoutingEvent } from '../packages/engine/src/routing/index.ts';
import { mulberry32, randomInt } from '../packages/engine/src/simulation/prng.ts';

const AGENTS = 10_000;
const QUEUES = 500;
const SKILLS = 200;
const WAITING = 50_000;
const CYCLES = Number(process.env.ROUTING_BENCH_CYCLES ?? 60_000);

function build(): { engine: RoutingEngine; now: number; busy: string[]; next: number } {
  const r = mulberry32(42);
  const engine = new RoutingEngine();
  let now = 0;
  const apply = (e: RoutingEvent): void => {
    const res = engine.apply(e);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
  };
  const queues: QueueConfig[] = [];
  for (let i = 0; i < QUEUES; i++) {
    const skills = [{ skill: `s${i % SKILLS}`, min: 1 + randomInt(r, 3) }];
    if (i % 3 === 0) skills.push({ skill: `s${(i * 7 + 13) % SKILLS}`, min: 1 + randomInt(r, 2) });
    const strategy = (['longestIdle', 'leastOccupied', 'roundRobin', 'bestProficiency'] as const)[i % 4] as QueueConfig['strategy'];
    queues.push({
      id: `q${i}`, channel: i % 5 === 4 ? 'chat' : 'voice', priority: i % 4, skills, strategy, agingPerMinute: 1 + (i % 3),
      overflow: [{ afterSeconds: 3600, action: { kind: 'lowerMinimum', to: 1 } }], offerTimeoutSeconds: 30, wrapUpSeconds: 0,
    });
    apply({ type: 'queueConfigured', queue: queues[i] as QueueConfig, now });
  }
  for (let i = 0; i < AGENTS; i++) {
    const memberOf = new Set<number>();
    while (memberOf.size < 5) memberOf.add(randomInt(r, QUEUES));
    const skills: Record<string, number> = {};
    for (const qi of memberOf) for (const s of (queues[qi] as QueueConfig).skills) skills[s.skill] = 3 + randomInt(r, 3);
    for (let k = 0; k < 3; k++) skills[`s${randomInt(r, SKILLS)}`] ??= 1 + randomInt(r, 5);
    apply({ type: 'agentConfigured', agent: { id: `a${i}`, skills, queues: [...memberOf].map((q) => `q${q}`) }, now });
    apply({ type: 'agentStateRequested', agentId: `a${i}`, to: 'ready', now });
  }
  let next = 0;
  const busy: string[] = [];
  // Fill every agent, then 50,000 more wait.
  let waiting = 0;
  while (waiting < WAITING) {
    now += 1;
    const id = `c${next++}`;
    const res = engine.apply({ type: 'contactArrived', contactId: id, queueId: `q${randomInt(r, QUEUES)}`, now });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    for (const d of res.decisions) {
      if (d.type === 'contactQueued') waiting++;
      if (d.type !== 'offer') continue;
      engine.apply({ type: 'offerAccepted', contactId: d.contactId, agentId: d.agentId, now });
      busy.push(d.contactId);
    }
  }
  return { engine, now, busy, next };
}

function countWaiting(engine: RoutingEngine): number {
  let n = 0;
  for (let i = 0; i < QUEUES; i++) n += engine.queueView(`q${i}`, 0)?.waiting ?? 0;
  return n;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const bench: Benchmark = {
  name: 'routing-engine',
  async run() {
    const built = build();
    const { engine, busy } = built;
    let { now, next } = built;
    const r = mulberry32(7);
    const latencies = new Float64Array(CYCLES * 3);
    let li = 0;
    let offers = 0;
    let queued = 0;
    const timed = (e: RoutingEvent) => {
      const t0 = performance.now();
      const res = engine.apply(e);
      latencies[li++] = performance.now() - t0;
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      return res.decisions;
    };
    const start = performance.now();
    for (let i = 0; i < CYCLES; i++) {
      now += 10;
      const k = randomInt(r, busy.length);
      const ended = busy[k] as string;
      busy[k] = busy[busy.length - 1] as string;
      busy.pop();
      const onEnd = timed({ type: 'contactEnded', contactId: ended, now });
      const onArrival = timed({ type: 'contactArrived', contactId: `n${next++}`, queueId: `q${randomInt(r, QUEUES)}`, now });
      for (const decided of [onEnd, onArrival]) {
        for (const d of decided) {
          if (d.type === 'contactQueued') queued++;
          if (d.type !== 'offer') continue;
          offers++;
          timed({ type: 'offerAccepted', contactId: d.contactId, agentId: d.agentId, now });
          busy.push(d.contactId);
        }
      }
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`  sum of event latencies ${(latencies.reduce((x, y) => x + y, 0) / 1000).toFixed(2)} s of ${seconds.toFixed(2)} s`);
    const sorted = latencies.slice(0, li).sort();
    const waiting = countWaiting(engine);
    console.log(`  ${AGENTS} agents, ${QUEUES} queues, ${SKILLS} skills, ${waiting} waiting at the end; ${offers} offers + ${queued} queue placements in ${li} events`);
    return {
      offersPerSecond: { value: Math.round(offers / seconds), unit: 'offers/s', goal: 50_000, better: 'higher' },
      decisionsPerSecond: { value: Math.round((offers + queued) / seconds), unit: 'decisions/s', goal: 50_000, better: 'higher' },
      decisionLatencyP99: { value: Number(percentile(sorted, 0.99).toFixed(4)), unit: 'ms', goal: 1, better: 'lower' },
      decisionLatencyP50: { value: Number(percentile(sorted, 0.5).toFixed(4)), unit: 'ms', better: 'lower' },
      eventsPerSecond: { value: Math.round(li / seconds), unit: 'events/s', better: 'higher' },
    };
  },
};

export default bench;
