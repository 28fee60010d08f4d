import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { calibrationCreate, calibrationDetail, calibrationOut, calibrationReveal, calibrationScore } from './contracts.ts';
import { calibrationDetailOf, createCalibration, listCalibrations, revealCalibration, scoreCalibration } from './calibrations.ts';

const tags = ['quality'];
const base = '/api/v1/quality/calibrations';

/** Calibration sessions (Q4): created by a quality manager, scored blind by evaluators, revealed by the lead. */
export function calibrationRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const changed = (req: Parameters<typeof principalOf>[0], id: string, action: string) => announceChange(ctx, req, 'quality_calibration', id, action);

  app.get(base, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, response: { 200: z.object({ items: z.array(calibrationOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await listCalibrations(tx, principalOf(req)) })));

  app.post(base, {
    config: { permission: 'quality.manage', idempotent: true },
    schema: { tags, body: calibrationCreate, response: { 201: calibrationOut } },
  }, async (req, reply) => {
    const out = await inTenant(ctx, req, (tx) => createCalibration(tx, principalOf(req), req.body));
    await changed(req, out.id, 'create');
    return reply.code(201).send(out);
  });

  app.get(`${base}/:id`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, response: { 200: calibrationDetail } },
  }, (req) => inTenant(ctx, req, (tx) => calibrationDetailOf(tx, principalOf(req), req.params.id)));

  app.post(`${base}/:id/score`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, body: calibrationScore, response: { 200: calibrationDetail } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await scoreCalibration(tx, principalOf(req), req.params.id, req.body.answers);
      return calibrationDetailOf(tx, principalOf(req), req.params.id);
    });
    await changed(req, req.params.id, 'update');
    return out;
  });

  app.post(`${base}/:id/reveal`, {
    config: { permission: 'quality.evaluate' },
    schema: { tags, params: idParams, body: calibrationReveal, response: { 200: calibrationDetail } },
  }, async (req) => {
    const out = await inTenant(ctx, req, async (tx) => {
      await revealCalibration(tx, principalOf(req), req.params.id, req.body.reference);
      return calibrationDetailOf(tx, principalOf(req), req.params.id);
    });
    await changed(req, req.params.id, 'update');
    return out;
  });
}
