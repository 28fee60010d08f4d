import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { STANDARD_NOT_READY_REASONS, type RoutingResult } from '@linia/engine';
import type { Tx } from '../db/index.ts';
import { inTenant, type AppContext } from '../http/context.ts';
import { principalOf } from '../http/guard.ts';
import { scopeOf } from '../auth/principal.ts';
import { badField, HttpProblem } from '../http/problem.ts';
import { contacts } from '../contacts/schema.ts';
import { customers } from '../customers/schema.ts';
import { agentParams, agentStateOut, arrivalCreate, arrivalOut, contactParams, floorStateRequest, meOut, stateRequest } from './contracts.ts';
import { routingProblem } from './problems.ts';
import { arrive } from './arrive.ts';
import type { TenantRouter } from './router.ts';
import { acdNotReadyReasons } from './schema.ts';
import type { AcdService } from './service.ts';

const tags = ['acd'];
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Reason codes a tenant may use: the standard ones and its own active ones. */
async function reasonsOf(tx: Tx) {
  const own = await tx.select().from(acdNotReadyReasons).where(eq(acdNotReadyReasons.active, true));
  return [...STANDARD_NOT_READY_REASONS.map((code) => ({ code, name: null as string | null })), ...own.map((r) => ({ code: r.code, name: r.name }))];
}

async function checkReason(ctx: AppContext, req: FastifyRequest, body: z.infer<typeof stateRequest>) {
  if (body.state !== 'notReady') {
    if (body.reason !== undefined) throw badField('body.reason', 'a reason goes with notReady only');
    return;
  }
  if (body.reason === undefined) return;
  const codes = await inTenant(ctx, req, reasonsOf);
  if (!codes.some((r) => r.code === body.reason)) throw badField('body.reason', `unknown reason code; known: ${codes.map((r) => r.code).join(', ')}`);
}

/** An agent's live state as the desk and the wallboard show it. */
export function agentStateOf(router: TenantRouter, agentId: string): z.infer<typeof agentStateOut> | null {
  const v = router.engine.agentView(agentId);
  const snap = router.engine.agentSnapshot(agentId);
  if (!v || !snap) return null;
  return {
    agentId,
    state: v.state,
    presence: v.presence,
    reason: v.reason,
    since: new Date(v.stateSince).toISOString(),
    load: v.load,
    capacity: v.capacity,
    queueIds: snap.config.queues,
    skills: snap.config.skills,
  };
}

function ok(r: RoutingResult, field?: string): RoutingResult {
  if (!r.ok) throw routingProblem(r.error, field);
  return r;
}

/**
 * The live ACD (R2–R4): contacts arriving into queues, agents' states, offers accepted or
 * declined, contacts ended and wrapped up, and the floor's changes to an agent's state.
 * Every one goes through the tenant's router, in turn (router.ts).
 */
export function acdLiveRoutes(root: FastifyInstance, ctx: AppContext, acd: AcdService) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const routerOf = (req: FastifyRequest) => acd.router(principalOf(req).tenantId);

  app.post('/api/v1/acd/arrivals', {
    config: { permission: 'contacts.edit', idempotent: true, routed: true },
    schema: { tags, body: arrivalCreate, response: { 201: arrivalOut } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    const router = await routerOf(req);
    return reply.code(201).send(await arrive(ctx, router, scopeOf(principal, req.id), principal, req.body));
  });

  app.get('/api/v1/acd/me', {
    config: { permission: 'desk.use', routed: true },
    schema: { tags, response: { 200: meOut } },
  }, async (req) => {
    const me = principalOf(req).id;
    const router = await routerOf(req);
    const agent = agentStateOf(router, me);
    const held = (router.engine.agentView(me)?.contactIds ?? []).map((id) => router.engine.contactView(id)!).filter(Boolean);
    const { reasons, rows } = await inTenant(ctx, req, async (tx) => ({
      reasons: await reasonsOf(tx),
      rows:
        held.length === 0
          ? []
          : await tx
              .select({ id: contacts.id, subject: contacts.subject, customerName: customers.name })
              .from(contacts)
              .leftJoin(customers, eq(customers.id, contacts.customerId))
              .where(inArray(contacts.id, held.map((c) => c.contactId))),
    }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      agent,
      contacts: held.map((c) => ({
        contactId: c.contactId,
        queueId: c.queueId,
        channel: c.channel,
        status: c.status,
        offerDeadline: iso(c.offerDeadline),
        wrapUpDeadline: iso(c.wrapUpDeadline),
        subject: byId.get(c.contactId)?.subject ?? null,
        customerName: byId.get(c.contactId)?.customerName ?? null,
      })),
      reasons,
      allowed: [...(router.engine.allowedTransitions(me) ?? [])],
    };
  });

  app.post('/api/v1/acd/me/state', {
    config: { permission: 'desk.use', routed: true },
    schema: { tags, body: stateRequest, response: { 200: agentStateOut } },
  }, async (req) => {
    const me = principalOf(req).id;
    await checkReason(ctx, req, req.body);
    const router = await routerOf(req);
    acd.presenceDrivenBy(principalOf(req).tenantId, me, 'person');
    ok(await router.submit({ type: 'agentStateRequested', agentId: me, to: req.body.state, ...(req.body.reason ? { reason: req.body.reason } : {}) }));
    return agentStateOf(router, me)!;
  });

  app.post('/api/v1/acd/agents/:agentId/state', {
    config: { permission: 'floor.control', routed: true },
    schema: { tags, params: agentParams, body: floorStateRequest, response: { 200: agentStateOut } },
  }, async (req) => {
    const { agentId } = req.params;
    await checkReason(ctx, req, { state: req.body.state, reason: req.body.reason });
    const router = await routerOf(req);
    // An API token setting an agent's state is an integration driving it (docs/ROUTING.md): no offline timer then.
    acd.presenceDrivenBy(principalOf(req).tenantId, agentId, principalOf(req).kind === 'token' ? 'integration' : 'person');
    const r = await router.submit({ type: 'agentStateRequested', agentId, to: req.body.state, ...(req.body.reason ? { reason: req.body.reason } : {}), force: req.body.force === true });
    ok(r);
    return agentStateOf(router, agentId)!;
  });

  /** An action of the agent on a contact it holds; another agent's contact is a 404 (not a hint that it exists). */
  const onMyContact = (
    path: string,
    event: (contactId: string, agentId: string) => Parameters<TenantRouter['submit']>[0],
  ) =>
    app.post(path, {
      config: { permission: 'desk.use', routed: true },
      schema: { tags, params: contactParams, response: { 200: agentStateOut } },
    }, async (req) => {
      const me = principalOf(req).id;
      const router = await routerOf(req);
      const { contactId } = req.params;
      const r = await router.submitPrepared(async () => {
        if (router.engine.contactView(contactId)?.agentId !== me) throw new HttpProblem(404, 'No such contact of yours in routing');
        return event(contactId, me);
      });
      ok(r);
      return agentStateOf(router, me)!;
    });

  onMyContact('/api/v1/acd/offers/:contactId/accept', (contactId, agentId) => ({ type: 'offerAccepted', contactId, agentId }));
  onMyContact('/api/v1/acd/offers/:contactId/decline', (contactId, agentId) => ({ type: 'offerDeclined', contactId, agentId }));
  onMyContact('/api/v1/acd/contacts/:contactId/end', (contactId) => ({ type: 'contactEnded', contactId }));
  onMyContact('/api/v1/acd/contacts/:contactId/wrap-up-end', (contactId) => ({ type: 'wrapUpEnded', contactId }));

  // The customer left (a telephony or chat integration says so).
  app.post('/api/v1/acd/contacts/:contactId/abandon', {
    config: { permission: 'contacts.edit', routed: true },
    schema: { tags, params: contactParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const router = await routerOf(req);
    ok(await router.submit({ type: 'contactAbandoned', contactId: req.params.contactId }), 'params.contactId');
    return reply.code(204).send(null);
  });
}
