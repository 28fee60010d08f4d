// Required agents (Erlang C, 80 % in 20 s, occupancy ≤ 85 %, 30 % shrinkage) for 50 queues × 365 days ×
// 96 fifteen-minute intervals, from a two-peak intraday profile with weekly and queue-size variation.
import { requiredAgentsC, scheduledHeads } from '../packages/engine/src/index.ts';
import type { Benchmark } from './benchmark.ts';

const QUEUES = 50;
const DAYS = 365;
const INTERVALS = 96;

function workload(): Float64Array {
  const calls = new Float64Array(QUEUES * DAYS * INTERVALS);
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let q = 0; q < QUEUES; q++) {
    const size = 20 + 280 * random(); // peak calls per 15 minutes
    for (let d = 0; d < DAYS; d++) {
      const week = d % 7 >= 5 ? 0.55 : 1 - 0.04 * (d % 7);
      for (let i = 0; i < INTERVALS; i++) {
        const h = i / 4;
        const shape = Math.exp(-((h - 11) ** 2) / 6) + 0.8 * Math.exp(-((h - 16) ** 2) / 8) + 0.03;
        calls[(q * DAYS + d) * INTERVALS + i] = size * week * shape * (0.9 + 0.2 * random());
      }
    }
  }
  return calls;
}

const bench: Benchmark = {
  name: 'planning-staffing',
  async run() {
    const calls = workload();
    const out = new Int32Array(calls.length);
    const aht = 240;
    const started = performance.now();
    let heads = 0;
    for (let k = 0; k < calls.length; k++) {
      const agents = requiredAgentsC((calls[k]! * aht) / 900, aht, 20, { serviceLevel: 0.8 }, 0.85);
      out[k] = agents;
      heads += scheduledHeads(agents, 0.3);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${calls.length.toLocaleString('en')} intervals, up to ${out.reduce((a, b) => Math.max(a, b), 0)} agents in one interval, ${heads.toLocaleString('en')} head-intervals`);
    return {
      seconds: { value: Number(seconds.toFixed(3)), unit: 's', goal: 2, better: 'lower' },
      intervalsPerSecond: { value: Math.round(calls.length / seconds), unit: 'intervals/s', better: 'higher' },
    };
  },
};

export default bench;
