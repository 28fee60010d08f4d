import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTenant, type AppContext } from '../http/context.ts';
import { autoScoreOut, autoScoreQuery, errorsOut, evaluatorSummaryOut, reportQuery, scoresOut } from './contracts.ts';
import { autoScoreReport } from './autoScore.ts';
import { errorReport, exportCsv, exportXlsx, scoreReport } from './reports.ts';
import { evaluatorSummary } from './calibrations.ts';
import { qualityScopeOf } from './scope.ts';
import { principalOf } from '../http/guard.ts';

const tags = ['quality'];
const base = '/api/v1/quality/reports';
const exportQuery = reportQuery.extend({ lang: z.enum(['ru', 'en']).default('ru') });

/** Results (Q3): scores per agent/group and period with trends, error frequency, exports; evaluator calibration summary (Q4). */
export function reportRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(`${base}/scores`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: reportQuery, response: { 200: scoresOut } },
  }, (req) => inTenant(ctx, req, async (tx) => scoreReport(tx, req.query, await qualityScopeOf(tx, principalOf(req)))));

  app.get(`${base}/errors`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: reportQuery, response: { 200: errorsOut } },
  }, (req) => inTenant(ctx, req, async (tx) => errorReport(tx, req.query, await qualityScopeOf(tx, principalOf(req)))));

  app.get(`${base}/evaluators`, {
    config: { permission: 'quality.use' },
    schema: { tags, response: { 200: evaluatorSummaryOut } },
  }, (req) => inTenant(ctx, req, (tx) => evaluatorSummary(tx)));

  app.get(`${base}/auto`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: autoScoreQuery, response: { 200: autoScoreOut } },
  }, (req) => inTenant(ctx, req, async (tx) => autoScoreReport(tx, req.query, new Date(), await qualityScopeOf(tx, principalOf(req)))));

  const day = () => new Date().toISOString().slice(0, 10);

  app.get(`${base}/evaluations.csv`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: exportQuery, produces: ['text/csv'] },
  }, async (req, reply) => {
    const csv = await inTenant(ctx, req, async (tx) => exportCsv(tx, req.query, req.query.lang, await qualityScopeOf(tx, principalOf(req))));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="quality-${day()}.csv"`).send(csv);
  });

  app.get(`${base}/evaluations.xlsx`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: exportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }, async (req, reply) => {
    const xlsx = await inTenant(ctx, req, async (tx) => exportXlsx(tx, req.query, req.query.lang, await qualityScopeOf(tx, principalOf(req))));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="quality-${day()}.xlsx"`)
      .send(xlsx);
  });
}
