// `linia plan …`: the planning mathematics of the engine from the command line (JSON / CSV on stdout).
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import {
  erlangB,
  erlangBLines,
  forecastQueue,
  modelByName,
  MODEL_NAMES,
  offeredLoad,
  parseHistoryCsv,
  productionCalendar,
  requiredAgents,
  scheduledHeads,
  solveCover,
  weekCalendar,
  measuresFor,
  type CoverProblem,
  type DayCalendar,
  type QueueHistoryPoint,
  type StaffingInput,
  type StaffingResult,
} from '@linia/engine';

const positive = (what: string) => (v: string) => {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`${what} must be a number > 0`);
  return n;
};
const nonNegative = (what: string) => (v: string) => {
  const n = Number(v);
  if (!(n >= 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`${what} must be a number ≥ 0`);
  return n;
};
const share = (what: string) => (v: string) => {
  const n = Number(v);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError(`${what} must be in [0, 1)`);
  return n;
};
const wholeNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number ≥ 0');
  return n;
};
const intervalMinutes = (v: string) => {
  const m = /^(\d+)(m|min|h)?$/.exec(v.trim());
  const n = m ? Number(m[1]) * (m[2] === 'h' ? 60 : 1) : NaN;
  if (!(n > 0 && 1440 % n === 0)) throw new InvalidArgumentError('an interval such as 15m, 30m or 60m');
  return n;
};

interface StaffingOptions {
  model: 'A' | 'B' | 'C';
  calls: number;
  interval: number;
  aht: number;
  threshold?: number;
  patience?: number;
  agents?: number;
  targetSl?: number;
  targetAsa?: number;
  targetAbandonment?: number;
  targetBlocking?: number;
  maxOccupancy?: number;
  shrinkage?: number;
}

const finiteOrNull = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

export function planStaffing(o: StaffingOptions): StaffingResult {
  if (o.model === 'B') {
    const a = offeredLoad(o.calls, o.interval, o.aht);
    const lines = o.agents ?? (o.targetBlocking !== undefined ? erlangBLines(a, o.targetBlocking).lines : undefined);
    if (lines === undefined) throw new Error('Erlang B needs --agents (lines) or --target-blocking');
    const blocking = erlangB(lines, a);
    return { agents: lines, scheduledAgents: scheduledHeads(lines, o.shrinkage), serviceLevel: null, asa: null, waitProbability: null, occupancy: lines > 0 ? (a * (1 - blocking)) / lines : null, abandonment: null, blocking };
  }
  if (o.model === 'A' && o.patience === undefined) throw new Error('Erlang A needs --patience');
  const input: StaffingInput = {
    model: o.model,
    callsPerInterval: o.calls,
    intervalSeconds: o.interval,
    ahtSeconds: o.aht,
    thresholdSeconds: o.threshold ?? 20,
    ...(o.patience !== undefined ? { patienceSeconds: o.patience } : {}),
    target: {
      ...(o.targetSl !== undefined ? { serviceLevel: o.targetSl } : {}),
      ...(o.targetAsa !== undefined ? { asaSeconds: o.targetAsa } : {}),
      ...(o.targetAbandonment !== undefined ? { abandonment: o.targetAbandonment } : {}),
    },
    ...(o.maxOccupancy !== undefined ? { maxOccupancy: o.maxOccupancy } : {}),
    ...(o.shrinkage !== undefined ? { shrinkage: o.shrinkage } : {}),
  };
  if (o.agents !== undefined) {
    const m = measuresFor(input, o.agents);
    return { agents: o.agents, scheduledAgents: scheduledHeads(o.agents, o.shrinkage), serviceLevel: m.serviceLevel, asa: finiteOrNull(m.asa), waitProbability: m.waitProbability, occupancy: m.occupancy, abandonment: m.abandonment, blocking: null };
  }
  const r = requiredAgents(input);
  return { ...r, asa: finiteOrNull(r.asa) };
}

/** Problems of the history CSV, one per line of the message: "line N, column C: problem". */
function readHistory(text: string, interval: number) {
  const { rows, problems } = parseHistoryCsv(text, interval);
  if (problems.length) throw new Error(problems.slice(0, 20).map((p) => `line ${p.line}, column ${p.column}: ${p.problem}`).join('\n'));
  const byQueue = new Map<string, QueueHistoryPoint[]>();
  for (const r of rows) {
    let list = byQueue.get(r.queue);
    if (!list) byQueue.set(r.queue, (list = []));
    list.push({ start: r.start, offered: r.offered, ahtSeconds: r.ahtSeconds });
  }
  return byQueue;
}

const calendarNamed = (name: string): DayCalendar => (name === 'ru' ? productionCalendar() : weekCalendar({ workingWeekdays: [1, 2, 3, 4, 5] }));

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('resource planning: staffing, forecast, shift covering');

  plan
    .command('staffing')
    .description('agents (or lines) for a queue and interval by Erlang C, A or B; JSON on stdout')
    .addOption(new Option('--model <model>', 'C (waiting), A (abandonment), B (blocking)').choices(['A', 'B', 'C']).default('C'))
    .requiredOption('--calls <n>', 'calls offered in the interval', nonNegative('--calls'))
    .requiredOption('--interval <seconds>', 'interval length, seconds', positive('--interval'))
    .requiredOption('--aht <seconds>', 'average handling time, seconds', positive('--aht'))
    .option('--threshold <seconds>', 'T of the service level (default 20)', nonNegative('--threshold'))
    .option('--patience <seconds>', 'mean patience (Erlang A)', positive('--patience'))
    .option('--agents <n>', 'evaluate this many agents (lines for B)', wholeNumber)
    .option('--target-sl <share>', 'service-level target, e.g. 0.8', share('--target-sl'))
    .option('--target-asa <seconds>', 'ASA target, seconds', positive('--target-asa'))
    .option('--target-abandonment <share>', 'maximum abandonment (Erlang A)', share('--target-abandonment'))
    .option('--target-blocking <share>', 'maximum blocking (Erlang B)', share('--target-blocking'))
    .option('--max-occupancy <share>', 'maximum occupancy, e.g. 0.85', positive('--max-occupancy'))
    .option('--shrinkage <share>', 'shrinkage, e.g. 0.3', share('--shrinkage'))
    .action((o: StaffingOptions) => {
      if (o.model !== 'B' && o.agents === undefined && o.targetSl === undefined && o.targetAsa === undefined && o.targetAbandonment === undefined) {
        throw new Error('give --agents or a target (--target-sl, --target-asa, --target-abandonment)');
      }
      console.log(JSON.stringify(planStaffing(o)));
    });

  plan
    .command('forecast')
    .description('forecast offered calls and AHT per queue and interval; CSV on stdout, backtest table on stderr')
    .requiredOption('--history <file>', 'CSV: interval_start,queue,offered,aht_seconds[,handled,abandoned]')
    .addOption(new Option('--interval <interval>', 'interval: 15m, 30m or 60m').argParser(intervalMinutes).default(30, '30m'))
    .requiredOption('--horizon-days <n>', 'days to forecast after the history', wholeNumber)
    .addOption(new Option('--model <name>', `auto or one of: ${MODEL_NAMES.join(', ')}`).default('auto'))
    .addOption(new Option('--calendar <name>', 'production calendar: ru (Russian) or none (Mon–Fri)').choices(['ru', 'none']).default('ru'))
    .option('--backtest-days <n>', 'days of the rolling-origin backtest', wholeNumber, 20)
    .action((o: { history: string; interval: number; horizonDays: number; model: string; calendar: string; backtestDays: number }) => {
      if (o.model !== 'auto') modelByName(o.model);
      const byQueue = readHistory(readFileSync(o.history, 'utf8'), o.interval);
      const lines = ['interval_start,queue,offered,aht_seconds'];
      for (const [queue, rows] of byQueue) {
        const r = forecastQueue(rows, { intervalMinutes: o.interval, horizonDays: o.horizonDays, model: o.model, calendar: calendarNamed(o.calendar), backtestDays: o.backtestDays });
        process.stderr.write(`queue ${queue}: backtest over ${o.backtestDays} days (day ahead), WAPE\n`);
        for (const row of r.backtest) process.stderr.write(`  ${row.model.padEnd(24)} ${(100 * row.wape).toFixed(2)} %${row.model === r.model ? '  ← chosen' : ''}\n`);
        if (!r.backtest.length) process.stderr.write(`  too little history for a backtest; using ${r.model}\n`);
        lines.push(...r.points.map((p) => `${p.start},${queue},${p.offered.toFixed(2)},${p.ahtSeconds.toFixed(1)}`));
      }
      console.log(lines.join('\n'));
    });

  plan
    .command('cover')
    .description('shift covering by HiGHS (min-resources or min-abs-difference); JSON on stdout')
    .requiredOption('--input <file>', 'JSON: periods, shifts [{name, coverage, cost, min, max}], requirement, maxCoverage, objective')
    .action(async (o: { input: string }) => {
      const problem = JSON.parse(readFileSync(o.input, 'utf8')) as CoverProblem;
      const result = await solveCover(problem);
      console.log(JSON.stringify(result));
      if (result.status === 'infeasible') process.exitCode = 2;
    });
}
