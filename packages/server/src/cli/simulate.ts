// `linia simulate --scenario FILE`: the fast simulator (SPEC R6) — the routing engine alone, in
// simulated time, driven by a scenario of arrivals, handle times, patience and agents' shifts.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { runSimulation } from '@linia/engine';
import { checkScenario } from '../simulation/check.ts';
import { startLive } from '../simulation/live/run.ts';

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
    .option('--live', 'play the scenario against a running server through its API and WebSockets (docs/SIMULATION.md § Live mode)')
    .option('--url <url>', 'live: the server, e.g. http://127.0.0.1:8080')
    .option('--token <token>', 'live: an admin API token of the tenant (or LINIA_TOKEN)')
    .option('--speed <n>', 'live: simulated seconds per real second', '1')
    .option('--queue <map...>', 'live: scenario queue → server queue name or id, as ID=NAME (default: the queue named like the scenario id)')
    .action(async (opts: { scenario: string; summary?: boolean; live?: boolean; url?: string; token?: string; speed: string; queue?: string[] }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(opts.scenario, 'utf8'));
      } catch (e) {
        fail([`${opts.scenario}: ${(e as Error).message}`]);
      }
      const checked = checkScenario(raw);
      if ('problems' in checked) fail(checked.problems.map((p) => `${opts.scenario}: ${p}`));
      if (opts.live) {
        const token = opts.token ?? process.env.LINIA_TOKEN;
        const speed = Number(opts.speed);
        if (!opts.url || !token) fail(['--live needs --url and --token (or LINIA_TOKEN)']);
        if (!(speed > 0)) fail(['--speed must be a number > 0']);
        const queueMap = Object.fromEntries((opts.queue ?? []).map((m) => [m.slice(0, m.indexOf('=')), m.slice(m.indexOf('=') + 1)]));
        const run = startLive(checked.scenario, { url: opts.url, token, speed, queueMap, log: (l) => process.stderr.write(`${l}\n`) });
        process.once('SIGINT', () => run.stop());
        try {
          const result = await run.done;
          process.stdout.write(`${JSON.stringify(opts.summary ? { ...result.summary, live: result.live } : result, null, 2)}\n`);
        } catch (e) {
          fail([`live run: ${(e as Error).message}`]);
        }
        return;
      }
      const result = runSimulation(checked.scenario);
      process.stdout.write(`${JSON.stringify(opts.summary ? result.summary : result, null, 2)}\n`);
    });
}
