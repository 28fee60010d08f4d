// KPIs from one (possibly merged) aggregate. Every ratio is a ratio of sums; a zero denominator
// gives null — "no data", which a wallboard shows as "—" — never 0 (that would read as a bad
// result) and never NaN (which JSON cannot carry). Formulas: docs/KPI.md.

import { kpiNotReadySeconds, type KpiAggregate } from './aggregate.ts';

export interface KpiFigures {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinT: number;
  /** answeredWithinT / (offered − shortAbandoned): the service level of SPEC K1. */
  serviceLevel: number | null;
  /** answeredWithinT / offered: the simple (strictest) form. */
  serviceLevelOfOffered: number | null;
  /** answeredWithinT / (offered − abandonedWithinT): abandons before T count neither way. */
  serviceLevelExcludingAbandonedWithinT: number | null;
  /** Average speed of answer: Σ wait of answered / answered, seconds. */
  asaSeconds: number | null;
  /** Average handle time: (talk + hold + wrap-up) / answered, seconds. */
  ahtSeconds: number | null;
  averageTalkSeconds: number | null;
  averageHoldSeconds: number | null;
  /** Average after-call work: wrap-up / answered, seconds. */
  acwSeconds: number | null;
  /** Σ wait of abandoned / abandoned, seconds. */
  averageAbandonWaitSeconds: number | null;
  /** Longest wait of an answered or abandoned contact; null when there was none. */
  maxWaitSeconds: number | null;
  /** abandoned / offered. */
  abandonmentRate: number | null;
  /** (abandoned − shortAbandoned) / (offered − shortAbandoned). */
  abandonmentRateExcludingShort: number | null;
  /** resolved at first contact / answered contacts with a known outcome. */
  firstContactResolution: number | null;
  /** Offered and answered per channel (counts). */
  contactsPerChannel: Record<string, { offered: number; answered: number }>;
  /** Agent handling time (on contact + wrap-up state), seconds. */
  handlingSeconds: number;
  /** ready + not ready + on contact + wrap-up, seconds. */
  loggedInSeconds: number;
  /** handling / (handling + ready). */
  occupancy: number | null;
  /** handling / logged in. */
  utilization: number | null;
  /** not ready / logged in: the part of shrinkage measurable without schedules. */
  loggedInShrinkage: number | null;
  /** Not-ready seconds per reason. */
  notReadySecondsByReason: Record<string, number>;
}

/** n / d, or null when d is 0 (no data). */
export function kpiRatio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

export function kpisFrom(a: KpiAggregate): KpiFigures {
  const handled = a.answered;
  const handling = a.agentOnContactSeconds + a.agentWrapUpSeconds;
  const notReady = kpiNotReadySeconds(a);
  const loggedIn = handling + a.agentReadySeconds + notReady;
  const channels: KpiFigures['contactsPerChannel'] = {};
  for (const name of new Set([...Object.keys(a.offeredByChannel), ...Object.keys(a.answeredByChannel)]).values()) {
    channels[name] = { offered: a.offeredByChannel[name] ?? 0, answered: a.answeredByChannel[name] ?? 0 };
  }
  return {
    offered: a.offered,
    answered: a.answered,
    abandoned: a.abandoned,
    shortAbandoned: a.shortAbandoned,
    answeredWithinT: a.answeredWithinT,
    serviceLevel: kpiRatio(a.answeredWithinT, a.offered - a.shortAbandoned),
    serviceLevelOfOffered: kpiRatio(a.answeredWithinT, a.offered),
    serviceLevelExcludingAbandonedWithinT: kpiRatio(a.answeredWithinT, a.offered - a.abandonedWithinT),
    asaSeconds: kpiRatio(a.answeredWaitSeconds, handled),
    ahtSeconds: kpiRatio(a.talkSeconds + a.holdSeconds + a.wrapUpSeconds, handled),
    averageTalkSeconds: kpiRatio(a.talkSeconds, handled),
    averageHoldSeconds: kpiRatio(a.holdSeconds, handled),
    acwSeconds: kpiRatio(a.wrapUpSeconds, handled),
    averageAbandonWaitSeconds: kpiRatio(a.abandonedWaitSeconds, a.abandoned),
    maxWaitSeconds: a.answered + a.abandoned === 0 ? null : a.maxWaitSeconds,
    abandonmentRate: kpiRatio(a.abandoned, a.offered),
    abandonmentRateExcludingShort: kpiRatio(a.abandoned - a.shortAbandoned, a.offered - a.shortAbandoned),
    firstContactResolution: kpiRatio(a.fcrResolved, a.fcrKnown),
    contactsPerChannel: channels,
    handlingSeconds: handling,
    loggedInSeconds: loggedIn,
    occupancy: kpiRatio(handling, handling + a.agentReadySeconds),
    utilization: kpiRatio(handling, loggedIn),
    loggedInShrinkage: kpiRatio(notReady, loggedIn),
    notReadySecondsByReason: { ...a.agentNotReadySeconds },
  };
}
