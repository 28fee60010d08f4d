// Staffing (W3): required agents per interval of a stored forecast for a target, then heads after shrinkage.
import { measuresFor, offeredLoad, requiredAgents, type StaffingInput } from '@linia/engine';
import type { z } from 'zod';
import type { staffingParams, whatIfRequest } from './contracts.ts';
import type { ForecastPoint, StaffingParams, StaffingRow } from './schema.ts';

function inputOf(p: StaffingParams, calls: number, intervalSeconds: number, ahtSeconds: number): StaffingInput {
  return {
    model: p.model,
    callsPerInterval: calls,
    intervalSeconds,
    ahtSeconds,
    thresholdSeconds: p.thresholdSeconds,
    ...(p.patienceSeconds !== undefined ? { patienceSeconds: p.patienceSeconds } : {}),
    target: {
      ...(p.serviceLevel !== undefined ? { serviceLevel: p.serviceLevel } : {}),
      ...(p.asaSeconds !== undefined ? { asaSeconds: p.asaSeconds } : {}),
      ...(p.abandonment !== undefined ? { abandonment: p.abandonment } : {}),
    },
    ...(p.maxOccupancy !== undefined ? { maxOccupancy: p.maxOccupancy } : {}),
    shrinkage: p.shrinkage,
  };
}

const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

export function staffingRows(points: ForecastPoint[], intervalMinutes: number, params: z.infer<typeof staffingParams>): StaffingRow[] {
  return points.map((p) => {
    // An interval without calls (or without a known handling time) needs nobody.
    if (!(p.offered > 0) || !(p.ahtSeconds > 0)) {
      return { start: p.start, offered: p.offered, ahtSeconds: p.ahtSeconds, agents: 0, heads: 0, serviceLevel: null, asa: null, waitProbability: null, occupancy: null, abandonment: null };
    }
    const r = requiredAgents(inputOf(params, p.offered, intervalMinutes * 60, p.ahtSeconds));
    return {
      start: p.start,
      offered: p.offered,
      ahtSeconds: p.ahtSeconds,
      agents: r.agents,
      heads: r.scheduledAgents,
      serviceLevel: finite(r.serviceLevel),
      asa: finite(r.asa),
      waitProbability: finite(r.waitProbability),
      occupancy: finite(r.occupancy),
      abandonment: finite(r.abandonment),
    };
  });
}

/** Agents → SL, ASA, Pw, occupancy for one interval, from just above the load (or `fromAgents`). */
export function whatIf(q: z.infer<typeof whatIfRequest>) {
  const load = offeredLoad(q.calls, q.intervalSeconds, q.ahtSeconds);
  // Erlang C has no steady state at n ≤ A (the queue grows without bound), so the table starts above the load.
  const stable = Math.max(1, Math.floor(load) + 1);
  const first = q.model === 'C' ? Math.max(q.fromAgents ?? stable, stable) : (q.fromAgents ?? stable);
  const params: StaffingParams = { model: q.model, thresholdSeconds: q.thresholdSeconds, shrinkage: 0, serviceLevel: 0.5, ...(q.patienceSeconds !== undefined ? { patienceSeconds: q.patienceSeconds } : {}) };
  const input = inputOf(params, q.calls, q.intervalSeconds, q.ahtSeconds);
  const rows = Array.from({ length: q.count }, (_, i) => {
    const m = measuresFor(input, first + i);
    return { agents: first + i, serviceLevel: m.serviceLevel, asa: finite(m.asa), waitProbability: m.waitProbability, occupancy: m.occupancy, abandonment: m.abandonment };
  });
  return { load, rows };
}
