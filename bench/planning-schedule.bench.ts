// Schedule optimiser (issue 5, W4): 300 employees (240 full time, 60 half time), 4 weeks (March 2024, with
// the 8 March holiday and a shortened 7 March), 15-minute intervals, a two-peak requirement (11:00 and 16:00,
// weekends lower), hours norms from the production calendar, preferences and absences. Goals: ≤ 120 s and
// (under + over) within 2 % of the LP-relaxation bound.
import { hoursNorm, optimiseSchedule, productionCalendar, type Employee, type ScheduleProblem, type ShiftTemplate } from '../packages/engine/src/index.ts';
import type { Benchmark } from './benchmark.ts';

const FROM = '2024-03-04';
const DAYS = 28;

export function scheduleInstance(timeLimitSeconds = 100): ScheduleProblem {
  let seed = 2024;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ru = productionCalendar();
  const norm = hoursNorm(FROM, '2024-03-31', ru);
  const templates: ShiftTemplate[] = [
    {
      name: 'Day 8h', earliestStart: '06:00', latestStart: '14:00', startStepMinutes: 15, lengthMinutes: 540, minWorkMinutes: 60, maxWorkMinutes: 180,
      breaks: [
        { name: 'break', minutes: 15, paid: true, earliestStart: 60, latestStart: 150 },
        { name: 'lunch', minutes: 60, paid: false, earliestStart: 180, latestStart: 300 },
        { name: 'break', minutes: 15, paid: true, earliestStart: 345, latestStart: 420 },
      ],
    },
    { name: 'Part 4h', earliestStart: '08:00', latestStart: '18:00', startStepMinutes: 15, lengthMinutes: 240, breaks: [{ name: 'break', minutes: 15, paid: true, earliestStart: 90, latestStart: 150 }] },
  ];
  const dates = Array.from({ length: DAYS }, (_, d) => new Date(Date.parse(`${FROM}T00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
  const employees: Employee[] = Array.from({ length: 300 }, (_, i) => {
    const part = i >= 240;
    const e: Employee = { id: `e${String(i + 1).padStart(3, '0')}`, normHours: part ? norm / 2 : norm, templates: [part ? 'Part 4h' : 'Day 8h'] };
    if (random() < 0.2) e.preferences = { daysOff: [dates[Math.floor(random() * DAYS)]!, dates[Math.floor(random() * DAYS)]!], weight: 0.5 };
    if (random() < 0.1) e.preferences = { ...e.preferences, earliestStart: '09:00', weight: 0.5 };
    if (random() < 0.05) {
      const d = Math.floor(random() * (DAYS - 3));
      e.unavailable = [{ from: dates[d]!, to: dates[d + 2]! }];
    }
    return e;
  });
  // two peaks at 11:00 and 16:00, service 07:00–23:00, weekends at 60 %, the holiday at 40 %
  const requirement: number[] = [];
  dates.forEach((date) => {
    const wd = new Date(`${date}T00:00Z`).getUTCDay();
    const level = date === '2024-03-08' ? 0.4 : wd === 0 || wd === 6 ? 0.6 : 1 - 0.03 * ((wd + 6) % 7);
    for (let k = 0; k < 96; k++) {
      const h = k / 4;
      const open = h >= 7 && h < 23;
      const shape = Math.exp(-((h - 11) ** 2) / 5) + 0.85 * Math.exp(-((h - 16) ** 2) / 7) + 0.12;
      requirement.push(open ? Math.ceil(165 * level * shape * (0.95 + 0.1 * random())) : 0);
    }
  });
  return { horizon: { from: FROM, days: DAYS }, requirement, templates, employees, timeLimitSeconds, mipGap: 0.002 };
}

const bench: Benchmark = {
  name: 'planning-schedule',
  async run() {
    const problem = scheduleInstance(Number(process.env.LINIA_SCHEDULE_SECONDS ?? 100));
    const started = performance.now();
    const r = await optimiseSchedule(problem);
    const seconds = (performance.now() - started) / 1000;
    const coverageGap = (r.under + r.over - r.lpBound) / r.lpBound;
    const required = problem.requirement.reduce((a, b) => a + b, 0);
    console.log(`  status ${r.status}, ${r.assignments.length} shifts, LP bound ${r.lpBound.toFixed(2)}, MIP (counts) ${r.stages.mipObjective}, under ${r.under} + over ${r.over} = ${r.under + r.over} (of ${required} required interval-heads), preferences ${r.preferencePenalty}`);
    console.log(`  gap of under+over to the LP bound: ${(100 * coverageGap).toFixed(3)} %; of the whole objective: ${(100 * r.gap).toFixed(3)} %`);
    console.log(`  after breaks: under ${r.onDutyUnder}, over ${r.onDutyOver}; stages ${JSON.stringify(r.stages, (_, v) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`);
    console.log(`  rule violations: ${r.violations.length}, conflicts: ${r.conflicts.length}`);
    return {
      seconds: { value: Number(seconds.toFixed(1)), unit: 's', goal: 120, better: 'lower' },
      coverageGapPercent: { value: Number((100 * coverageGap).toFixed(3)), unit: '%', goal: 2, better: 'lower' },
      objectiveGapPercent: { value: Number((100 * r.gap).toFixed(3)), unit: '%', better: 'lower' },
      underPlusOver: { value: r.under + r.over, unit: 'interval-heads', better: 'lower' },
      lpBound: { value: Number(r.lpBound.toFixed(2)), unit: 'interval-heads', better: 'lower' },
      ruleViolations: { value: r.violations.length, unit: 'violations', goal: 0, better: 'lower' },
    };
  },
};

export default bench;
