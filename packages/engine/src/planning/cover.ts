// Shift covering (Dantzig 1954, "A comment on Edie's 'Traffic delays at toll booths'"; the set-covering
// formulation of staff scheduling): integer x_s = how many times shift s is used, a_ps = how much shift s
// covers period p, r_p = requirement.
//   min-resources:       min Σ c_s x_s   s.t. Σ_s a_ps x_s ≥ r_p, Σ_s a_ps x_s ≤ U_p, L_s ≤ x_s ≤ M_s
//   min-abs-difference:  min Σ_p (o_p + u_p) s.t. Σ_s a_ps x_s − o_p + u_p = r_p, same bounds, o, u ≥ 0
// Solved as a MIP by HiGHS.
import { loadHighs, type Highs } from './highs.ts';

export type CoverObjective = 'min-resources' | 'min-abs-difference';

export interface CoverShift {
  name: string;
  /** How much one use of the shift covers each period (usually 0/1), one entry per period. */
  coverage: number[];
  cost?: number;
  min?: number;
  max?: number;
}

export interface CoverProblem {
  /** Number of periods, or their labels. */
  periods: number | string[];
  shifts: CoverShift[];
  requirement: number[];
  /** Upper bound on coverage: one number for every period, or one per period. */
  maxCoverage?: number | number[];
  objective: CoverObjective;
  timeLimitSeconds?: number;
}

export interface CoverResult {
  status: 'optimal' | 'feasible' | 'infeasible';
  /** Objective value: total cost (min-resources) or Σ|coverage − requirement| (min-abs-difference). */
  optimum: number | null;
  /** Shifts used at least once, with their counts. */
  shifts: Array<{ name: string; count: number }>;
  coverage: number[];
  /** Σ max(0, requirement − coverage) and Σ max(0, coverage − requirement). */
  under: number;
  over: number;
  cost: number;
  /** Why there is no solution, when there is none. */
  conflicts: string[];
}

/** Problems in the input that make the model meaningless or infeasible, found before solving. */
export function checkCoverProblem(p: CoverProblem): string[] {
  const n = typeof p.periods === 'number' ? p.periods : p.periods.length;
  const errors: string[] = [];
  if (!Number.isInteger(n) || n <= 0) return ['periods must be a positive whole number or a list of labels'];
  if (p.objective !== 'min-resources' && p.objective !== 'min-abs-difference') errors.push(`unknown objective "${String(p.objective)}"`);
  if (p.requirement.length !== n) errors.push(`requirement has ${p.requirement.length} values for ${n} periods`);
  if (p.shifts.length === 0) errors.push('no shifts');
  const names = new Set<string>();
  p.shifts.forEach((s, i) => {
    if (names.has(s.name)) errors.push(`shift name "${s.name}" is used twice`);
    names.add(s.name);
    if (s.coverage.length !== n) errors.push(`shift "${s.name}" (#${i + 1}) covers ${s.coverage.length} periods, expected ${n}`);
    if ((s.min ?? 0) > (s.max ?? Infinity)) errors.push(`shift "${s.name}": min ${s.min} is above max ${s.max}`);
  });
  const caps = Array.isArray(p.maxCoverage) ? p.maxCoverage : undefined;
  if (caps && caps.length !== n) errors.push(`maxCoverage has ${caps.length} values for ${n} periods`);
  if (errors.length) return errors;
  const cap = (i: number) => (caps ? caps[i]! : (p.maxCoverage as number | undefined) ?? Infinity);
  for (let i = 0; i < n; i++) {
    const reach = p.shifts.reduce((sum, s) => sum + s.coverage[i]! * (s.max ?? Infinity), 0);
    const forced = p.shifts.reduce((sum, s) => sum + s.coverage[i]! * (s.min ?? 0), 0);
    if (forced > cap(i)) errors.push(`period ${i}: shift minimums cover ${forced}, above the maximum coverage ${cap(i)}`);
    if (p.objective === 'min-resources') {
      if (p.requirement[i]! > cap(i)) errors.push(`period ${i}: requirement ${p.requirement[i]} is above the maximum coverage ${cap(i)}`);
      if (reach < p.requirement[i]!) errors.push(`period ${i}: requirement ${p.requirement[i]} but the shifts can cover at most ${reach}`);
    }
  }
  return errors;
}

function lpText(p: CoverProblem, n: number): string {
  const x = (s: number) => `x${s}`;
  const term = (coef: number, v: string) => `${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} ${v}`;
  const lines: string[] = ['Minimize'];
  if (p.objective === 'min-resources') {
    lines.push(` obj: ${p.shifts.map((s, i) => term(s.cost ?? 1, x(i))).join(' ')}`);
  } else {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`+ o${i} + u${i}`);
    lines.push(` obj: ${parts.join(' ')}`);
  }
  lines.push('Subject To');
  const caps = p.maxCoverage;
  for (let i = 0; i < n; i++) {
    const cov = p.shifts.flatMap((s, j) => (s.coverage[i] ? [term(s.coverage[i]!, x(j))] : [])).join(' ');
    const cap = Array.isArray(caps) ? caps[i] : caps;
    const r = p.requirement[i]!;
    if (p.objective === 'min-resources') {
      if (cov) lines.push(` req${i}: ${cov} >= ${r}`);
    } else {
      lines.push(` dev${i}: ${cov} - o${i} + u${i} = ${r}`);
    }
    if (cov && cap !== undefined && Number.isFinite(cap)) lines.push(` cap${i}: ${cov} <= ${cap}`);
  }
  lines.push('Bounds');
  p.shifts.forEach((s, j) => lines.push(` ${s.min ?? 0} <= ${x(j)}${s.max !== undefined && Number.isFinite(s.max) ? ` <= ${s.max}` : ''}`));
  lines.push('General', ` ${p.shifts.map((_, j) => x(j)).join(' ')}`, 'End');
  return lines.join('\n');
}

/** Solves the covering problem; `highs` may be passed in (tests, workers), else the shared instance is used. */
export async function solveCover(p: CoverProblem, highs?: Highs): Promise<CoverResult> {
  const n = typeof p.periods === 'number' ? p.periods : p.periods.length;
  const conflicts = checkCoverProblem(p);
  const empty = { optimum: null, shifts: [], coverage: [], under: 0, over: 0, cost: 0 };
  if (conflicts.length) return { status: 'infeasible', ...empty, conflicts };
  const solver = highs ?? (await loadHighs());
  const sol = solver.solve(lpText(p, n), { time_limit: p.timeLimitSeconds ?? 60, output_flag: false, mip_rel_gap: 0 });
  if (sol.Status !== 'Optimal' && sol.Status !== 'Time limit reached') {
    return { status: 'infeasible', ...empty, conflicts: [`the solver reports: ${sol.Status} (the maximum coverage and shift bounds cannot all hold)`] };
  }
  const counts = p.shifts.map((_, j) => Math.round(sol.Columns[`x${j}`]?.Primal ?? 0));
  if (sol.Status === 'Time limit reached' && !Number.isFinite(sol.ObjectiveValue)) {
    return { status: 'infeasible', ...empty, conflicts: ['no solution found within the time limit'] };
  }
  const coverage = Array.from({ length: n }, (_, i) => p.shifts.reduce((sum, s, j) => sum + s.coverage[i]! * counts[j]!, 0));
  let under = 0;
  let over = 0;
  coverage.forEach((c, i) => {
    const d = c - p.requirement[i]!;
    if (d > 0) over += d;
    else under -= d;
  });
  const cost = p.shifts.reduce((sum, s, j) => sum + (s.cost ?? 1) * counts[j]!, 0);
  return {
    status: sol.Status === 'Optimal' ? 'optimal' : 'feasible',
    optimum: p.objective === 'min-resources' ? cost : under + over,
    shifts: p.shifts.flatMap((s, j) => (counts[j]! > 0 ? [{ name: s.name, count: counts[j]! }] : [])),
    coverage,
    under,
    over,
    cost,
    conflicts: [],
  };
}

/** A coverage vector of `periods` periods from the covered period indices (helper for building problems). */
export function coverageOf(periods: number, covered: Iterable<number>): number[] {
  const v = new Array<number>(periods).fill(0);
  for (const i of covered) v[i] = 1;
  return v;
}
