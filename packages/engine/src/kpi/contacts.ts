// Per-contact outcome → its contribution to one cell. A contact counts entirely in the interval
// it was OFFERED in (entered the queue), even when it is answered, talks or wraps up later:
// the forecast and Erlang staffing are per arrival interval, and one contact's numerator
// (answered within T) and denominator (offered) then always sit in the same interval. The
// price: an interval's contact figures are final only when its last contact has ended; the
// server adds each contact when it ends (abandoned, or released after wrap-up).

import { kpiEmptyAggregate, type KpiAggregate } from './aggregate.ts';
import { kpiAddCells, type KpiCell } from './cells.ts';
import { KPI_INTERVAL_MINUTES, kpiIntervalStart } from './intervals.ts';

/** What the server knows about a contact once it has ended (see docs/KPI.md § Inputs). */
export interface KpiContactOutcome {
  contactId: string;
  /** The queue it finished in (after overflow moves). */
  queueId: string;
  hotlineId?: string | null;
  /** Journal channel (voice_in, chat, messenger, …). */
  channel: string;
  /** When it entered the queue (ms). */
  offeredAt: number;
  /** When an agent was connected (ms); null/absent if never. */
  answeredAt?: number | null;
  /** When the customer gave up while waiting or ringing (ms); null/absent if not. */
  abandonedAt?: number | null;
  /** The agent who answered. */
  agentId?: string | null;
  /** Connected time not on hold, on hold, and after-call work (wrap-up), seconds; answered contacts only. */
  talkSeconds?: number;
  holdSeconds?: number;
  wrapUpSeconds?: number;
  /** Resolved at the first contact (decided by the server, e.g. no repeat on the same topic within 7 days); null = unknown. */
  firstContactResolved?: boolean | null;
}

export interface KpiThresholds {
  /** T of "answered within T", seconds (inclusive). */
  serviceLevelSeconds: number;
  /** Abandoned before this many seconds counts as a short abandon (exclusive; 0 = none). */
  shortAbandonSeconds: number;
}

export const KPI_DEFAULT_THRESHOLDS: KpiThresholds = { serviceLevelSeconds: 20, shortAbandonSeconds: 5 };

export interface KpiContactOptions {
  timeZone: string;
  intervalMinutes?: number;
  /** Defaults for every queue (20 s and 5 s unless given). */
  thresholds?: Partial<KpiThresholds>;
  /** Per-queue thresholds, over the defaults. */
  queueThresholds?: Record<string, Partial<KpiThresholds>>;
}

function thresholdsFor(queueId: string, o: KpiContactOptions): KpiThresholds {
  return { ...KPI_DEFAULT_THRESHOLDS, ...o.thresholds, ...o.queueThresholds?.[queueId] };
}

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;

function nonNegative(c: KpiContactOutcome, field: 'talkSeconds' | 'holdSeconds' | 'wrapUpSeconds'): number {
  const v = c[field] ?? 0;
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`contact ${c.contactId}: ${field} must be a finite number ≥ 0`);
  return v;
}

/** The one cell a single ended contact adds to (the server adds it to its stored row). */
export function kpiContactCell(c: KpiContactOutcome, o: KpiContactOptions): KpiCell {
  const answered = present(c.answeredAt);
  const abandoned = present(c.abandonedAt);
  if (answered && abandoned) throw new RangeError(`contact ${c.contactId}: both answered and abandoned`);
  const talk = nonNegative(c, 'talkSeconds');
  const hold = nonNegative(c, 'holdSeconds');
  const wrap = nonNegative(c, 'wrapUpSeconds');
  if (!answered && talk + hold + wrap > 0) throw new RangeError(`contact ${c.contactId}: handle time without being answered`);

  const t = thresholdsFor(c.queueId, o);
  const a: KpiAggregate = kpiEmptyAggregate();
  a.offered = 1;
  a.offeredByChannel[c.channel] = 1;
  const endedWaiting = answered ? c.answeredAt! : abandoned ? c.abandonedAt! : null;
  if (endedWaiting !== null) {
    const wait = (endedWaiting - c.offeredAt) / 1000;
    if (!(wait >= 0)) throw new RangeError(`contact ${c.contactId}: ${answered ? 'answered' : 'abandoned'} before it was offered`);
    a.maxWaitSeconds = wait;
    if (answered) {
      a.answered = 1;
      a.answeredByChannel[c.channel] = 1;
      a.answeredWaitSeconds = wait;
      if (wait <= t.serviceLevelSeconds) a.answeredWithinT = 1;
      a.talkSeconds = talk;
      a.holdSeconds = hold;
      a.wrapUpSeconds = wrap;
      if (c.firstContactResolved !== null && c.firstContactResolved !== undefined) {
        a.fcrKnown = 1;
        if (c.firstContactResolved) a.fcrResolved = 1;
      }
    } else {
      a.abandoned = 1;
      a.abandonedWaitSeconds = wait;
      if (wait < t.shortAbandonSeconds) a.shortAbandoned = 1;
      if (wait <= t.serviceLevelSeconds) a.abandonedWithinT = 1;
    }
  }
  // Neither answered nor abandoned (diverted, closed by the system): offered only.
  return {
    intervalStart: kpiIntervalStart(c.offeredAt, o.timeZone, o.intervalMinutes ?? KPI_INTERVAL_MINUTES),
    queueId: c.queueId,
    hotlineId: c.hotlineId ?? null,
    channel: c.channel,
    agentId: answered ? (c.agentId ?? null) : null,
    aggregate: a,
  };
}

/** Cells of many ended contacts, merged by coordinates (batch form of kpiContactCell). */
export function kpiContactCells(contacts: Iterable<KpiContactOutcome>, o: KpiContactOptions): KpiCell[] {
  const cells = new Map<string, KpiCell>();
  for (const c of contacts) kpiAddCells(cells, [kpiContactCell(c, o)]);
  return [...cells.values()];
}
