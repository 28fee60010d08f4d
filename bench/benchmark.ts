/** What a bench/*.bench.ts file exports by default. Goals are the issues' numbers. */
export interface Metric {
  value: number;
  unit: string;
  goal?: number;
  better: 'higher' | 'lower';
}

export interface Benchmark {
  /** File name of the result: `<area>-<what>`, e.g. `routing-engine`, `planning-erlang`. */
  name: string;
  run(): Promise<Record<string, Metric>>;
}

/** Runs `fn` repeatedly for about `ms` milliseconds; returns operations per second. */
export function opsPerSecond(fn: () => void, ms = 2000): number {
  for (let i = 0; i < 100; i++) fn(); // warm-up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = performance.now();
  }
  return Math.round((n * 1000) / (now - start));
}
