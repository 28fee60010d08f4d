import { z } from 'zod';
import { MODEL_NAMES } from '@linia/engine';

/** Request and response shapes of resource planning (issue 5). Local times are 'YYYY-MM-DDTHH:MM'. */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM');
const isoDate = z.iso.date();
const intervalMinutes = z.union([z.literal(15), z.literal(30), z.literal(60)]);
const share = z.number().gt(0).lt(1);

export const queueOut = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  hotlineId: z.uuid().nullable(),
  intervalMinutes: z.number(),
  createdAt: z.string(),
});
export const queueCreate = z.strictObject({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  hotlineId: z.uuid().nullish(),
  intervalMinutes: intervalMinutes.default(30),
});
export const queuePatch = z.strictObject({ name: queueCreate.shape.name.optional(), hotlineId: z.uuid().nullish() });

export const historyImport = z.strictObject({
  /** The file's text: interval_start, queue, offered, aht_seconds[, handled, abandoned]. */
  csv: z.string().min(1).max(20_000_000),
  intervalMinutes: intervalMinutes.default(30),
  /** Check only: the report without storing anything. */
  dryRun: z.boolean().default(false),
});
export const importReport = z.object({
  rows: z.number(),
  stored: z.boolean(),
  queues: z.array(z.object({ code: z.string(), created: z.boolean(), rows: z.number(), from: z.string(), to: z.string() })),
});

export const historyQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const historyRowOut = z.object({
  id: z.uuid(),
  start: z.string(),
  offered: z.number(),
  handled: z.number(),
  abandoned: z.number(),
  ahtSeconds: z.number().nullable(),
  serviceLevel: z.number().nullable(),
  excluded: z.boolean(),
  /** Robust z-score when the interval is an outlier of its weekday and time (engine historyOutliers). */
  outlierScore: z.number().nullable(),
  expected: z.number().nullable(),
});
export const eventOut = z.object({
  id: z.uuid(),
  queueId: z.uuid().nullable(),
  kind: z.enum(['campaign', 'outage', 'holiday']),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string(),
  uplift: z.number().nullable(),
  createdAt: z.string(),
});
export const historyOut = z.object({
  queue: queueOut,
  /** First and last day with data, over the whole history. */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  rows: z.array(historyRowOut),
  outliers: z.array(z.object({ id: z.uuid(), start: z.string(), offered: z.number(), expected: z.number(), score: z.number(), excluded: z.boolean() })),
  events: z.array(eventOut),
});
export const historyPatch = z.strictObject({ excluded: z.boolean() });

/** Factor on the forecast volume of future intervals the mark covers (e.g. 1.3 for a campaign); null = none. */
const uplift = z.number().min(0).max(10).nullish();

export const eventCreate = z
  .strictObject({
    queueId: z.uuid().nullish(),
    kind: z.enum(['campaign', 'outage', 'holiday']),
    startsAt: localTime,
    endsAt: localTime,
    note: z.string().max(1000).default(''),
    uplift,
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'], message: 'must be after startsAt' });
export const eventPatch = z.strictObject({ note: z.string().max(1000).optional(), kind: z.enum(['campaign', 'outage', 'holiday']).optional(), uplift });

export const forecastCreate = z.strictObject({
  horizonDays: z.number().int().min(1).max(92),
  model: z.enum(['auto', ...MODEL_NAMES] as [string, ...string[]]).default('auto'),
  /** First day (default: the day after the history). */
  fromDate: isoDate.optional(),
  backtestDays: z.number().int().min(5).max(60).default(20),
});
export const backtestRow = z.object({ model: z.string(), wape: z.number(), days: z.number() });
export const forecastSummary = z.object({
  id: z.uuid(),
  queueId: z.uuid(),
  model: z.string(),
  requestedModel: z.string(),
  intervalMinutes: z.number(),
  fromDate: z.string(),
  days: z.number(),
  backtest: z.array(backtestRow),
  /** Intervals of history left out because an event mark covers them; forecast intervals uplifted by a mark. */
  adjustments: z.object({ excludedIntervals: z.number(), upliftedIntervals: z.number() }).nullable(),
  createdAt: z.string(),
});
export const forecastOut = forecastSummary.extend({
  points: z.array(z.object({ start: z.string(), offered: z.number(), ahtSeconds: z.number() })),
});

export const staffingParams = z
  .strictObject({
    model: z.enum(['C', 'A']).default('C'),
    serviceLevel: share.optional(),
    thresholdSeconds: z.number().min(0).max(3600).default(20),
    asaSeconds: z.number().gt(0).max(3600).optional(),
    abandonment: share.optional(),
    patienceSeconds: z.number().gt(0).max(36_000).optional(),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    shrinkage: z.number().min(0).lt(1).default(0),
  })
  .refine((p) => p.serviceLevel !== undefined || p.asaSeconds !== undefined || p.abandonment !== undefined, { path: ['serviceLevel'], message: 'give a target: serviceLevel, asaSeconds or abandonment' })
  .refine((p) => p.model === 'A' || p.abandonment === undefined, { path: ['abandonment'], message: 'an abandonment target needs model A' })
  .refine((p) => p.model === 'C' || p.patienceSeconds !== undefined, { path: ['patienceSeconds'], message: 'model A needs patienceSeconds' });
export const staffingCreate = z.strictObject({ forecastId: z.uuid(), params: staffingParams });
const staffingRowOut = z.object({
  start: z.string(),
  offered: z.number(),
  ahtSeconds: z.number(),
  agents: z.number(),
  heads: z.number(),
  serviceLevel: z.number().nullable(),
  asa: z.number().nullable(),
  waitProbability: z.number().nullable(),
  occupancy: z.number().nullable(),
  abandonment: z.number().nullable(),
});
export const staffingOut = z.object({
  id: z.uuid(),
  queueId: z.uuid(),
  forecastId: z.uuid(),
  params: z.record(z.string(), z.unknown()),
  rows: z.array(staffingRowOut),
  createdAt: z.string(),
});

export const whatIfRequest = z
  .strictObject({
    model: z.enum(['C', 'A']).default('C'),
    calls: z.number().min(0).max(1_000_000),
    intervalSeconds: z.number().int().min(60).max(86_400).default(1800),
    ahtSeconds: z.number().gt(0).max(36_000),
    thresholdSeconds: z.number().min(0).max(3600).default(20),
    patienceSeconds: z.number().gt(0).max(36_000).optional(),
    fromAgents: z.number().int().min(1).max(100_000).optional(),
    count: z.number().int().min(1).max(60).default(10),
  })
  .refine((p) => p.model === 'C' || p.patienceSeconds !== undefined, { path: ['patienceSeconds'], message: 'model A needs patienceSeconds' });
export const whatIfOut = z.object({
  load: z.number(),
  rows: z.array(z.object({ agents: z.number(), serviceLevel: z.number(), asa: z.number().nullable(), waitProbability: z.number(), occupancy: z.number(), abandonment: z.number().nullable() })),
});

export const reforecastRequest = z.strictObject({
  /** Local 'YYYY-MM-DDTHH:MM': the day and how much of it has passed (default: now in the queue's time zone). */
  asOf: localTime.optional(),
  /** For a queue linked to a hotline, first sum the day's KPI cells from the journal into its history. */
  refreshFromJournal: z.boolean().default(true),
  /** Strength of the prior on the day's level, in calls (engine default 400: a day-level CV of 5 %). */
  priorCalls: z.number().min(0).max(1_000_000).optional(),
});
export const reforecastOut = z.object({
  date: z.string(),
  asOf: z.string(),
  forecastId: z.uuid(),
  intervalMinutes: z.number(),
  params: z.record(z.string(), z.unknown()),
  volumeFactor: z.number(),
  ahtFactor: z.number(),
  actualCalls: z.number(),
  forecastCalls: z.number(),
  restOfDay: z.object({ calls: z.number(), plannedHeads: z.number(), heads: z.number() }),
  rows: z.array(z.object({
    start: z.string(),
    forecast: z.number(),
    actual: z.number().nullable(),
    reforecast: z.number(),
    forecastAht: z.number(),
    actualAht: z.number().nullable(),
    reforecastAht: z.number(),
    plannedHeads: z.number(),
    heads: z.number().nullable(),
  })),
});

export const longTermQuery = z.object({
  months: z.coerce.number().int().min(1).max(24).default(6),
  serviceLevel: z.coerce.number().gt(0).lt(1).default(0.8),
  thresholdSeconds: z.coerce.number().min(0).max(3600).default(20),
  shrinkage: z.coerce.number().min(0).lt(1).default(0.3),
});
export const longTermOut = z.object({
  months: z.array(z.object({
    month: z.string(), openDays: z.number(), calls: z.number(), ahtSeconds: z.number(), workloadHours: z.number(), agentHours: z.number(), normHours: z.number(), fte: z.number(), heads: z.number(),
  })),
});

/** Staffing of the other channels (engine channels.ts): chat with concurrency, e-mail by backlog and due time, lines by Erlang B. */
export const channelRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('chat'),
    chatsPerInterval: z.number().min(0).max(1_000_000),
    intervalSeconds: z.number().int().min(60).max(86_400).default(1800),
    /** Mean duration of one chat while the agent runs `concurrency` at once. */
    chatDurationSeconds: z.number().gt(0).max(36_000),
    concurrency: z.number().int().min(1).max(10),
    serviceLevel: share.default(0.8),
    thresholdSeconds: z.number().min(0).max(3600).default(60),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    shrinkage: z.number().min(0).lt(1).default(0),
  }),
  z.strictObject({
    kind: z.literal('email'),
    backlog: z.number().int().min(0).max(10_000_000),
    /** Messages arriving in each following interval. */
    arrivalsPerInterval: z.array(z.number().min(0).max(1_000_000)).max(672).default([]),
    intervalSeconds: z.number().int().min(60).max(86_400).default(3600),
    ahtSeconds: z.number().gt(0).max(36_000),
    dueSeconds: z.number().gt(0).max(30 * 86_400),
    maxOccupancy: z.number().gt(0).max(1).optional(),
    shrinkage: z.number().min(0).lt(1).default(0),
  }),
  z.strictObject({
    kind: z.literal('lines'),
    callsPerInterval: z.number().min(0).max(10_000_000),
    intervalSeconds: z.number().int().min(60).max(86_400).default(1800),
    /** Mean time a call holds a line (talk + IVR), seconds. */
    holdSeconds: z.number().gt(0).max(36_000),
    maxBlocking: share,
  }),
]);
export const channelOut = z.object({
  agents: z.number().nullable(),
  scheduledAgents: z.number().nullable(),
  slots: z.number().nullable(),
  workloadHours: z.number().nullable(),
  lines: z.number().nullable(),
  blocking: z.number().nullable(),
});
