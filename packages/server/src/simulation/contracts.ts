import { z } from 'zod';

const intervalResult = z.object({
  index: z.number(),
  startSeconds: z.number(),
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  answeredWithinThreshold: z.number(),
  serviceLevel: z.number().nullable(),
  asaSeconds: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
  occupancy: z.number().nullable(),
});

/** The simulator's result (engine `SimulationResult`), as `linia simulate` prints it. */
export const simulationResultOut = z.object({
  intervals: z.array(intervalResult),
  summary: intervalResult,
  events: z.number(),
  unfinished: z.number(),
});

export const simulationRunOut = z.object({
  result: simulationResultOut,
  /** Wall-clock time of the run on the server. */
  elapsedMs: z.number(),
});

export const simulationExamplesOut = z.object({
  items: z.array(z.object({ name: z.string(), scenario: z.unknown() })),
});

/** A live run on the demo center: whether it goes, and what it measured so far. */
export const liveStatusOut = z.object({
  running: z.boolean(),
  startedAt: z.string().nullable(),
  speed: z.number(),
  result: simulationResultOut
    .extend({
      live: z.object({
        speed: z.number(),
        offerLatency: z.object({ count: z.number(), p50Ms: z.number().nullable(), p99Ms: z.number().nullable() }),
        refused: z.number(),
        realSeconds: z.number(),
      }),
    })
    .nullable(),
  error: z.string().nullable(),
});
