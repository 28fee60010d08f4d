// `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those whose name contains NAME)
// and writes one JSON file per benchmark to bench/results/<name>.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark.ts';

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;

let ran = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(join(dir, file)).href)).default as Benchmark;
  if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
  console.log(`▶ ${bench.name}`);
  const metrics = await bench.run();
  const result = { bench: bench.name, date: new Date().toISOString(), machine, metrics };
  writeFileSync(join(dir, 'results', `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  for (const [key, m] of Object.entries(metrics)) {
    const ok = m.goal === undefined ? '' : (m.better === 'higher' ? m.value >= m.goal : m.value <= m.goal) ? ' ✓' : ' ✗ (goal ' + m.goal + ')';
    console.log(`  ${key}: ${m.value} ${m.unit}${ok}`);
  }
  ran++;
}
if (ran === 0) console.log(filters.length ? `No benchmark matches ${filters.join(', ')}` : 'No benchmarks yet.');
