import { STRATEGIES, type Scenario } from '@linia/engine';
import { z } from 'zod';

/**
 * The simulator's scenario (docs/SIMULATION.md) checked field by field, so a mistake in a
 * hand-written file is named by its path ("queues.0.strategy") instead of failing mid-run.
 * Ids here are the scenario's own names (queue "support", skill "internet"), not database ids.
 */
const id = z.string().min(1).max(100);
const seconds = z.number().min(0).max(30 * 86_400);
const proficiency = z.number().int().min(1).max(5);

const distribution = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exponential'), meanSeconds: z.number().positive() }),
  z.strictObject({ kind: z.literal('logNormal'), meanSeconds: z.number().positive(), sdSeconds: z.number().positive() }),
  z.strictObject({ kind: z.literal('fixed'), seconds: z.number().min(0) }),
]);

const skillRequirement = z.strictObject({ skill: id, min: proficiency });

const overflowAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('widenSkills'), skills: z.array(id).optional() }),
  z.strictObject({ kind: z.literal('lowerMinimum'), to: proficiency }),
  z.strictObject({ kind: z.literal('moveToQueue'), queueId: id }),
]);

const strategy = z.enum(STRATEGIES as unknown as [string, ...string[]]);

const queue = z.strictObject({
  id,
  channel: z.string().min(1).max(40),
  priority: z.number().default(0),
  skills: z.array(skillRequirement).default([]),
  strategy: strategy.default('longestIdle'),
  stickySeconds: seconds.optional(),
  fallbackStrategy: strategy.optional(),
  agingPerMinute: z.number().min(0).default(0),
  overflow: z.array(z.strictObject({ afterSeconds: seconds, action: overflowAction })).default([]),
  offerTimeoutSeconds: seconds.default(20),
  autoAccept: z.boolean().optional(),
  wrapUpSeconds: seconds.default(0),
  expectedHandleSeconds: z.number().positive().optional(),
});

const arrivals = z.strictObject({
  queueId: id,
  callsPerInterval: z.union([z.number().min(0), z.array(z.number().min(0)).min(1)]),
  handleTime: distribution,
  wrapUpTime: distribution.optional(),
  patience: distribution.optional(),
  priority: z.number().optional(),
  skills: z.array(skillRequirement).optional(),
});

const agents = z.strictObject({
  idPrefix: id,
  count: z.number().int().min(0).max(20_000),
  skills: z.record(z.string(), proficiency).default({}),
  queues: z.array(id).min(1),
  capacity: z.record(z.string(), z.number().int().min(0).max(100)).optional(),
  shifts: z.array(z.strictObject({ startSeconds: seconds, endSeconds: seconds })).min(1),
  breaks: z.array(z.strictObject({ startSeconds: seconds, durationSeconds: z.number().positive(), reason: z.string().min(1) })).optional(),
  answerDelaySeconds: seconds.optional(),
});

export const scenarioSchema = z.strictObject({
  seed: z.number().int(),
  intervalSeconds: z.number().int().min(60).max(86_400),
  intervals: z.number().int().min(1).max(2_000),
  serviceLevelSeconds: z.number().min(0),
  queues: z.array(queue).min(1),
  arrivals: z.array(arrivals).min(1),
  agents: z.array(agents).min(1),
  options: z
    .strictObject({
      defaultCapacity: z.record(z.string(), z.number().int().min(0)).optional(),
      exclusiveChannels: z.array(z.string()).optional(),
    })
    .optional(),
  warmupIntervals: z.number().int().min(0).optional(),
});

/** A checked scenario, or the list of problems (path: message). */
export function parseScenario(input: unknown): { scenario: Scenario } | { problems: string[] } {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`) };
  return { scenario: r.data as Scenario };
}
