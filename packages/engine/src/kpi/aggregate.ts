// The additive aggregate: counts, sums and one maximum — never a ratio. Ratios of sums can be
// recomputed for any merge of intervals, queues or agents; an average of averages cannot (an
// hour's occupancy is not the mean of its quarters' occupancies). So reports merge aggregates
// and only then compute KPIs (kpisFrom).

export interface KpiAggregate {
  // ── contacts, counted in the interval they were offered in (contacts.ts) ──
  /** Contacts that entered a queue. */
  offered: number;
  answered: number;
  /** Answered with wait ≤ the queue's service-level threshold T. */
  answeredWithinT: number;
  abandoned: number;
  /** Abandoned with wait < the queue's short-abandon threshold. */
  shortAbandoned: number;
  /** Abandoned with wait ≤ T. */
  abandonedWithinT: number;
  /** Σ wait of answered contacts (offered → answered), seconds: ASA's numerator. */
  answeredWaitSeconds: number;
  /** Σ wait of abandoned contacts (offered → abandoned), seconds. */
  abandonedWaitSeconds: number;
  /** Longest wait of an answered or abandoned contact, seconds (0 when none). Merged by max. */
  maxWaitSeconds: number;
  /** Σ talk (hold excluded), hold and after-call work of answered contacts, seconds. */
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
  /** Answered contacts whose first-contact resolution is known, and those resolved. */
  fcrKnown: number;
  fcrResolved: number;
  /** Offered and answered per channel (journal channel names). */
  offeredByChannel: Record<string, number>;
  answeredByChannel: Record<string, number>;

  // ── agent states, split by time across intervals (agentStates.ts) ──
  agentReadySeconds: number;
  /** Not ready, per reason code. */
  agentNotReadySeconds: Record<string, number>;
  /** Offered (ringing) or connected to at least one contact — counted once however many chats. */
  agentOnContactSeconds: number;
  agentWrapUpSeconds: number;
}

export function kpiEmptyAggregate(): KpiAggregate {
  return {
    offered: 0, answered: 0, answeredWithinT: 0, abandoned: 0, shortAbandoned: 0, abandonedWithinT: 0,
    answeredWaitSeconds: 0, abandonedWaitSeconds: 0, maxWaitSeconds: 0, talkSeconds: 0, holdSeconds: 0, wrapUpSeconds: 0,
    fcrKnown: 0, fcrResolved: 0, offeredByChannel: {}, answeredByChannel: {},
    agentReadySeconds: 0, agentNotReadySeconds: {}, agentOnContactSeconds: 0, agentWrapUpSeconds: 0,
  };
}

const SUMMED = [
  'offered', 'answered', 'answeredWithinT', 'abandoned', 'shortAbandoned', 'abandonedWithinT',
  'answeredWaitSeconds', 'abandonedWaitSeconds', 'talkSeconds', 'holdSeconds', 'wrapUpSeconds', 'fcrKnown', 'fcrResolved',
  'agentReadySeconds', 'agentOnContactSeconds', 'agentWrapUpSeconds',
] as const satisfies readonly (keyof KpiAggregate)[];

const MAPS = ['offeredByChannel', 'answeredByChannel', 'agentNotReadySeconds'] as const satisfies readonly (keyof KpiAggregate)[];

/** Adds `source` into `target` (mutates `target`; for building up). */
export function kpiAddInto(target: KpiAggregate, source: KpiAggregate): KpiAggregate {
  for (const k of SUMMED) target[k] += source[k];
  target.maxWaitSeconds = Math.max(target.maxWaitSeconds, source.maxWaitSeconds);
  for (const k of MAPS) {
    const into = target[k];
    for (const [name, v] of Object.entries(source[k])) into[name] = (into[name] ?? 0) + v;
  }
  return target;
}

/** A new aggregate holding the sum of all given (associative and commutative; none → empty). */
export function mergeKpiAggregates(...aggregates: KpiAggregate[]): KpiAggregate {
  const out = kpiEmptyAggregate();
  for (const a of aggregates) kpiAddInto(out, a);
  return out;
}

/** Σ of the not-ready seconds over all reasons. */
export function kpiNotReadySeconds(a: KpiAggregate): number {
  let total = 0;
  for (const v of Object.values(a.agentNotReadySeconds)) total += v;
  return total;
}
