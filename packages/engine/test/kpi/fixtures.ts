// The worked examples of docs/KPI.md, as data. Berlin in January is CET (+01:00).
import type { KpiAgentStateSpan, KpiContactOutcome, KpiContactOptions } from '../../src/kpi/index.ts';

/** Instant of a local Berlin time on 15 January 2025 ('10:00:10'). */
export const jan15 = (hms: string): number => Date.parse(`2025-01-15T${hms}+01:00`);

export const options: KpiContactOptions = {
  timeZone: 'Europe/Berlin',
  thresholds: { serviceLevelSeconds: 20, shortAbandonSeconds: 5 },
};

const answered = (contactId: string, channel: string, offered: string, answeredAt: string, agentId: string, talk: number, hold: number, wrap: number, fcr: boolean | null): KpiContactOutcome => ({
  contactId, queueId: 'support', hotlineId: 'h1', channel, offeredAt: jan15(offered), answeredAt: jan15(answeredAt), agentId,
  talkSeconds: talk, holdSeconds: hold, wrapUpSeconds: wrap, firstContactResolved: fcr,
});
const abandoned = (contactId: string, channel: string, offered: string, abandonedAt: string): KpiContactOutcome => ({
  contactId, queueId: 'support', hotlineId: 'h1', channel, offeredAt: jan15(offered), abandonedAt: jan15(abandonedAt),
});

/** Example A: queue "support", T = 20 s, short abandon 5 s, all offered in 10:00–10:15. */
export const exampleA: KpiContactOutcome[] = [
  answered('c1', 'voice_in', '10:00:00', '10:00:10', 'a1', 200, 20, 30, true),
  answered('c2', 'voice_in', '10:02:00', '10:02:30', 'a2', 300, 0, 60, false),
  abandoned('c3', 'chat', '10:05:00', '10:05:03'),
  abandoned('c4', 'voice_in', '10:08:00', '10:08:45'),
  answered('c6', 'voice_in', '10:10:00', '10:10:20', 'a2', 120, 0, 0, true),
  abandoned('c7', 'chat', '10:12:00', '10:12:12'),
  // Offered before 10:15, answered after: counts in 10:00–10:15.
  answered('c5', 'chat', '10:14:50', '10:15:05', 'a1', 100, 10, 20, null),
];

const span = (state: KpiAgentStateSpan['state'], from: string, to: string, reason: string | null = null): KpiAgentStateSpan => ({
  agentId: 'a1', state, reason, start: jan15(from), end: jan15(to),
});

/** Example B: agent a1 from 09:55 to 10:30 (it answers c1 and c5 of example A). */
export const exampleB: KpiAgentStateSpan[] = [
  span('ready', '09:55:00', '10:00:10'),
  span('onContact', '10:00:10', '10:03:50'),
  span('wrapUp', '10:03:50', '10:04:20'),
  span('ready', '10:04:20', '10:12:00'),
  span('notReady', '10:12:00', '10:14:50', 'break'),
  span('ready', '10:14:50', '10:14:55'),
  span('onContact', '10:14:55', '10:16:55'),
  span('wrapUp', '10:16:55', '10:17:15'),
  span('ready', '10:17:15', '10:30:00'),
];
