// `linia simulate --scenario FILE`: the fast simulator (SPEC R6) — the routing engine alone, in
// simulated time, driven by a scenario of arrivals, handle times, patience and agents' shifts.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { runSimulation, scenarioProblems } from '@linia/engine';
import { parseScenario } from '../simulation/scenarioSchema.ts';

function fail(lines: string[]): never {
  for (const l of lines) process.stderr.write(`${l}\n`);
  process.exit(1);
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('run a contact-center scenario through the routing engine in simulated time; JSON results on stdout')
    .requiredOption('--scenario <file>', 'scenario JSON (see docs/SIMULATION.md, examples/simulation/)')
    .option('--summary', 'print only the summary over all intervals after the warm-up')
    .action((opts: { scenario: string; summary?: boolean }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(opts.scenario, 'utf8'));
      } catch (e) {
        fail([`${opts.scenario}: ${(e as Error).message}`]);
      }
      const parsed = parseScenario(raw);
      if ('problems' in parsed) fail(parsed.problems.map((p) => `${opts.scenario}: ${p}`));
      const problems = scenarioProblems(parsed.scenario);
      if (problems.length > 0) fail(problems.map((p) => `${opts.scenario}: ${p}`));
      const result = runSimulation(parsed.scenario);
      process.stdout.write(`${JSON.stringify(opts.summary ? result.summary : result, null, 2)}\n`);
    });
}
