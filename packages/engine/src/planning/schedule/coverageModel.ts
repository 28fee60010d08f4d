// Stage 1 of the decomposition: the aggregate shift-count model (Dantzig's set covering with slack, as in
// cover.ts, plus the workforce's capacity). Employees with the same contract templates form a group g;
// x_gs ∈ ℤ₊ is how many of them work candidate shift s; u_t, o_t ≥ 0 the under/over-coverage:
//   min Σ_t (w_u u_t + w_o o_t) + Σ c_gs x_gs
//   Σ_gs a_ts x_gs − o_t + u_t = r_t                 every interval t
//   x_gs ≤ |{e ∈ g : e may take s}|                   (availability)
//   Σ_{s starts on day d} x_gs ≤ |{e ∈ g : e may work on d}|   (one shift start per employee and day)
//   Σ_{e∈g} lo_e ≤ Σ_s paid_s x_gs ≤ Σ_{e∈g} hi_e      (hours norms, summed)
// Every lawful employee schedule maps to a feasible x (sum the employees' shifts), so the LP relaxation's
// optimum is a lower bound for the full employee-level problem: the bound the gap is measured against.
import { loadHighs, type Highs } from '../highs.ts';
import { extraCost, type Instance } from './instance.ts';

export interface CountModel {
  groups: number[][];
  /** counts[g] maps candidate shift id → count (only non-zero). */
  counts: Array<Map<number, number>>;
  objective: number;
  status: string;
}

function groupsOf(inst: Instance): number[][] {
  const bySig = new Map<string, number[]>();
  inst.staff.forEach((st, e) => {
    const sig = (st.employee.templates ?? []).slice().sort().join('\u0000');
    bySig.set(sig, [...(bySig.get(sig) ?? []), e]);
  });
  return [...bySig.values()];
}

function lpText(inst: Instance, groups: number[][], integer: boolean): string {
  const { shifts, grid, requirement: r } = inst;
  const obj: string[] = [];
  const rows: string[][] = Array.from({ length: grid.size }, () => []);
  const bounds: string[] = [];
  const cons: string[] = [];
  const ints: string[] = [];
  groups.forEach((members, g) => {
    const perDay: string[][] = Array.from({ length: grid.days }, () => []);
    const hours: string[] = [];
    for (const s of shifts) {
      const can = members.reduce((n, e) => n + inst.staff[e]!.allowed[s.id]!, 0);
      if (can === 0) continue;
      const v = `x${g}_${s.id}`;
      // the least soft cost (pay, preferences) among the members who may take s: a lower bound for whoever does
      let c = Infinity;
      for (const e of members) if (inst.staff[e]!.allowed[s.id]) c = Math.min(c, extraCost(inst.staff[e]!, s.id));
      if (c > 0) obj.push(`+ ${c} ${v}`);
      for (let t = s.startSlot; t < s.endSlot; t++) rows[t]!.push(`+ ${v}`);
      perDay[s.day]!.push(`+ ${v}`);
      hours.push(`+ ${s.paidMinutes / 60} ${v}`);
      bounds.push(` 0 <= ${v} <= ${can}`);
      ints.push(v);
    }
    perDay.forEach((terms, d) => {
      const cap = members.filter((e) => inst.byDay[d]!.some((s) => inst.staff[e]!.allowed[s])).length;
      if (terms.length) cons.push(` day${g}_${d}: ${terms.join(' ')} <= ${cap}`);
    });
    const lo = members.reduce((a, e) => a + inst.staff[e]!.lo, 0) / 60;
    const hi = members.reduce((a, e) => a + inst.staff[e]!.hi, 0) / 60;
    if (hours.length) cons.push(` hlo${g}: ${hours.join(' ')} >= ${lo}`, ` hhi${g}: ${hours.join(' ')} <= ${hi}`);
  });
  for (let t = 0; t < grid.size; t++) {
    obj.push(`+ ${inst.wUnder} u${t} + ${inst.wOver} o${t}`);
    cons.push(` c${t}: ${rows[t]!.join(' ')} - o${t} + u${t} = ${r[t]}`);
  }
  return ['Minimize', ` obj: ${obj.join(' ')}`, 'Subject To', ...cons, 'Bounds', ...bounds, ...(integer ? ['General', ` ${ints.join(' ')}`] : []), 'End'].join('\n');
}

/** Solves the LP relaxation (for the bound) or the MIP (for the shift counts). */
export async function solveCounts(inst: Instance, options: { integer: boolean; timeLimitSeconds: number; mipGap: number }, highs?: Highs): Promise<CountModel> {
  const groups = groupsOf(inst);
  const solver = highs ?? (await loadHighs());
  const sol = solver.solve(lpText(inst, groups, options.integer), { time_limit: options.timeLimitSeconds, mip_rel_gap: options.mipGap, output_flag: false });
  const counts = groups.map(() => new Map<number, number>());
  const has = sol.Status === 'Optimal' || (sol.Status === 'Time limit reached' && Number.isFinite(sol.ObjectiveValue));
  if (has) {
    for (const [name, col] of Object.entries(sol.Columns)) {
      if (name[0] !== 'x') continue;
      const [g, s] = name.slice(1).split('_').map(Number) as [number, number];
      const v = options.integer ? Math.round(col.Primal) : col.Primal;
      if (v > 1e-9) counts[g]!.set(s, v);
    }
  }
  return { groups, counts, objective: has ? sol.ObjectiveValue : NaN, status: sol.Status };
}
