import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kpiCellKey, kpiRollUp, kpisFrom } from '@linia/engine';
import { inTenant, type AppContext } from '../http/context.ts';
import { badField } from '../http/problem.ts';
import { readKpiCells } from './store.ts';
import { todayByQueue } from './service.ts';

const tags = ['kpi'];
const MAX_RANGE_DAYS = 31;

/** Figures as the API gives them: ratios 0…1 or null (no data), times in seconds. */
const figuresOut = z.object({
  offered: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  shortAbandoned: z.number(),
  answeredWithinT: z.number(),
  serviceLevel: z.number().nullable(),
  serviceLevelOfOffered: z.number().nullable(),
  asaSeconds: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
  abandonmentRate: z.number().nullable(),
  maxWaitSeconds: z.number().nullable(),
  occupancy: z.number().nullable(),
});
export type FiguresOut = z.infer<typeof figuresOut>;
export const pickFigures = (f: FiguresOut): FiguresOut => figuresOut.parse(f);

const instant = z.iso.datetime({ offset: true });

/** KPIs (K1) from the interval table: today per queue, and 15-minute intervals of a period. */
export function kpiRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/kpi/today', {
    config: { permission: 'wallboard.view' },
    schema: { tags, querystring: z.object({ queueId: z.uuid().optional() }), response: { 200: z.object({ queues: z.array(figuresOut.extend({ queueId: z.string() })) }) } },
  }, async (req) => {
    const today = await inTenant(ctx, req, (tx) => todayByQueue(tx, Date.now(), req.query.queueId));
    return { queues: [...today].map(([queueId, f]) => ({ queueId, ...pickFigures(f) })) };
  });

  app.get('/api/v1/kpi/intervals', {
    config: { permission: 'wallboard.view' },
    schema: {
      tags,
      querystring: z.object({ from: instant, to: instant, queueId: z.uuid().optional() }),
      response: { 200: z.object({ intervals: z.array(figuresOut.extend({ intervalStart: z.string(), queueId: z.string() })) }) },
    },
  }, async (req) => {
    const from = Date.parse(req.query.from);
    const to = Date.parse(req.query.to);
    if (!(to > from)) throw badField('query.to', 'must be after from');
    if (to - from > MAX_RANGE_DAYS * 86_400_000) throw badField('query.to', `at most ${MAX_RANGE_DAYS} days`);
    const cells = await inTenant(ctx, req, (tx) => readKpiCells(tx, from, to, req.query.queueId ? { queueId: req.query.queueId } : {}));
    // Contact cells per (interval, queue): agents and channels merged.
    const sums = kpiRollUp(cells, (c) => (c.queueId ? kpiCellKey({ intervalStart: c.intervalStart, queueId: c.queueId, hotlineId: null, channel: null, agentId: null }) : null));
    const intervals = [...sums].map(([key, a]) => {
      const [start, queueId] = JSON.parse(key) as [number, string];
      return { intervalStart: new Date(start).toISOString(), queueId, ...pickFigures(kpisFrom(a)) };
    });
    intervals.sort((x, y) => x.intervalStart.localeCompare(y.intervalStart) || x.queueId.localeCompare(y.queueId));
    return { intervals };
  });
}
