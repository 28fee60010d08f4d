import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import { withTenant, type Scope, type Tx } from '../db/index.ts';
import type { AppContext } from '../http/context.ts';
import { envelope } from '../realtime/envelope.ts';
import type { arrivalCreate, arrivalOut } from './contracts.ts';
import { registerArrival } from './arrivals.ts';
import { routingProblem } from './problems.ts';
import type { TenantRouter } from './router.ts';

/**
 * A contact arriving in a queue (R4), the one way for every channel: the API's arrivals and the
 * web chat. The journal first, committed — a contact acknowledged survives any crash after this;
 * `alsoInTx` lets a channel store its own rows in that same transaction (a chat's session) — then
 * the engine, which may offer it at once. Returns where it stands: offered, or its place in line.
 */
export async function arrive(
  ctx: AppContext,
  router: TenantRouter,
  scope: Scope,
  principal: Principal,
  body: z.infer<typeof arrivalCreate>,
  alsoInTx?: (tx: Tx, contactId: string) => Promise<void>,
): Promise<z.infer<typeof arrivalOut>> {
  // A channel's own rows (alsoInTx) and a client viewer's narrower view take a transaction of
  // their own; the API's arrivals are group-committed with the others of the moment.
  const contactId =
    alsoInTx || scope.clientId !== null
      ? await withTenant(ctx.db, scope, async (tx) => {
          const id = await registerArrival(tx, principal, body);
          if (alsoInTx) await alsoInTx(tx, id);
          return id;
        })
      : await router.journal.register(scope, principal, body);
  const created = envelope(scope.tenantId, 'contacts', 'contact.created', { id: contactId, queueId: body.queueId });
  const r = await router.submitAnnouncing(
    {
      type: 'contactArrived',
      contactId,
      queueId: body.queueId,
      ...(body.priority !== undefined ? { priority: body.priority } : {}),
      ...(body.skills ? { skills: body.skills.map((s) => ({ skill: s.skillId, min: s.min })) } : {}),
    },
    [created],
  );
  if (!r.ok) throw routingProblem(r.error, 'body.queueId');
  const offer = r.decisions.find((d) => d.type === 'offer' && d.contactId === contactId);
  const view = router.engine.contactView(contactId);
  const waiting = router.engine.waitingInfo(contactId, router.engine.now);
  return {
    contactId,
    queueId: view?.queueId ?? body.queueId,
    status: view?.status ?? 'released',
    agentId: offer && offer.type === 'offer' ? offer.agentId : (view?.agentId ?? null),
    position: waiting?.position ?? null,
    ewtSeconds: waiting?.ewtMs != null ? Math.round(waiting.ewtMs / 1000) : null,
  };
}
