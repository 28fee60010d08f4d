import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { announceChange, inTenant, type AppContext } from '../http/context.ts';
import { idParams } from '../http/crud.ts';
import { principalOf } from '../http/guard.ts';
import { followUpDone, followUpOut, publicAnswer, publicSurvey, reportOut, reportQuery, settingsIn, settingsOut, surveyCreate, surveyCreated, tokenParams } from './contracts.ts';
import { answerPublic, closeFollowUp, createSurvey, listFollowUps, readPublic, satisfactionReport, saveSettings, toSettingsOut } from './service.ts';
import { surveySettings } from './schema.ts';
import { surveyRateLimits } from './rateLimit.ts';

const tags = ['surveys'];
const base = '/api/v1/surveys';
const ok = z.object({ ok: z.literal(true) });

/** Customer satisfaction (M7): per-hotline survey settings, sending, the public answer link, reports, follow-ups. */
export function surveyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(`${base}/settings`, {
    config: { permission: 'quality.use' },
    schema: { tags, response: { 200: z.object({ items: z.array(settingsOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: (await tx.select().from(surveySettings).orderBy(asc(surveySettings.createdAt))).map(toSettingsOut) })));

  app.post(`${base}/settings`, {
    config: { permission: 'quality.manage' },
    schema: { tags, body: settingsIn, response: { 200: settingsOut } },
  }, async (req) => {
    const out = await inTenant(ctx, req, (tx) => saveSettings(tx, req.body));
    await announceChange(ctx, req, 'survey_settings', out.id, 'update');
    return out;
  });

  // The desk sends a survey when a contact ends (chat) or puts the link in its e-mail reply.
  app.post(base, {
    config: { permission: 'contacts.edit', idempotent: true },
    schema: { tags, body: surveyCreate, response: { 201: surveyCreated } },
  }, async (req, reply) => reply.code(201).send(await inTenant(ctx, req, (tx) => createSurvey(tx, req.body.contactId, new Date()))));

  // The customer's side: no sign-in, the token is the key; rate-limited per address and token
  // before anything else (validation included: malformed guesses count too).
  const limit = surveyRateLimits();
  const limited = async (req: { ip: string; url: string }) => limit(req.ip, req.url.split('?')[0]!.split('/').pop() ?? '');

  app.get(`${base}/public/:token`, {
    config: { public: true },
    onRequest: limited,
    schema: { tags, params: tokenParams, response: { 200: publicSurvey } },
  }, (req) => readPublic(ctx.db, req.params.token, new Date()));

  app.post(`${base}/public/:token`, {
    config: { public: true },
    onRequest: limited,
    schema: { tags, params: tokenParams, body: publicAnswer, response: { 200: ok } },
  }, (req) => answerPublic(ctx.db, req.params.token, req.body, new Date()));

  app.get(`${base}/report`, {
    config: { permission: 'quality.use' },
    schema: { tags, querystring: reportQuery, response: { 200: reportOut } },
  }, (req) => inTenant(ctx, req, (tx) => satisfactionReport(tx, req.query)));

  app.get(`${base}/follow-ups`, {
    config: { permission: 'quality.resolve' },
    schema: { tags, response: { 200: z.object({ items: z.array(followUpOut) }) } },
  }, (req) => inTenant(ctx, req, async (tx) => ({ items: await listFollowUps(tx, principalOf(req)) })));

  app.post(`${base}/follow-ups/:id/done`, {
    config: { permission: 'quality.resolve' },
    schema: { tags, params: idParams, body: followUpDone, response: { 200: ok } },
  }, async (req) => {
    await inTenant(ctx, req, (tx) => closeFollowUp(tx, principalOf(req), req.params.id, req.body.note));
    return { ok: true as const };
  });
}
