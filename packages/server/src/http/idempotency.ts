import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { withTenant } from '../db/index.ts';
import { scopeOf } from '../auth/principal.ts';
import type { AppContext } from './context.ts';
import { HttpProblem } from './problem.ts';
import { idempotencyKeys } from './schema.ts';

const HEADER = 'idempotency-key';

/**
 * `Idempotency-Key` on creating POSTs: the first request with a key claims it; a retry with the
 * same key and body gets the stored answer instead of creating twice; the same key with another
 * body is refused (422); a retry while the first is still running gets 409. A key whose request
 * failed with a 5xx is released so the client can try again.
 */
export function installIdempotency(app: FastifyInstance, ctx: AppContext) {
  const claimed = new WeakSet<FastifyRequest>();
  const where = (req: FastifyRequest, key: string) =>
    and(eq(idempotencyKeys.principalId, req.principal!.id), eq(idempotencyKeys.key, key));
  const scoped = <T>(req: FastifyRequest, work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(ctx.db, scopeOf(req.principal!, req.id), work);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers[HEADER];
    if (!req.routeOptions.config.idempotent || typeof key !== 'string' || !req.principal) return;
    if (key.length < 1 || key.length > 200) throw new HttpProblem(400, 'Idempotency-Key must be 1–200 characters', [{ field: 'header.idempotency-key', message: 'length 1–200' }]);
    const requestHash = createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const inserted = await scoped(req, (tx) =>
      tx.insert(idempotencyKeys).values({ principalId: req.principal!.id, key, requestHash }).onConflictDoNothing().returning(),
    );
    if (inserted.length > 0) return void claimed.add(req);
    const [prior] = await scoped(req, (tx) => tx.select().from(idempotencyKeys).where(where(req, key)));
    if (!prior) throw new HttpProblem(409, 'This Idempotency-Key is being released; retry');
    if (prior.requestHash !== requestHash) {
      throw new HttpProblem(422, 'This Idempotency-Key was used for a different request', [{ field: 'header.idempotency-key', message: 'reused with another body' }]);
    }
    if (prior.status === null) throw new HttpProblem(409, 'A request with this Idempotency-Key is still in progress');
    return reply.code(prior.status).header('idempotent-replayed', 'true').send(prior.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!claimed.has(req)) return payload;
    claimed.delete(req);
    const key = req.headers[HEADER] as string;
    if (reply.statusCode >= 500) {
      await scoped(req, (tx) => tx.delete(idempotencyKeys).where(where(req, key)));
    } else {
      const body = typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
      await scoped(req, (tx) => tx.update(idempotencyKeys).set({ status: reply.statusCode, body }).where(where(req, key)));
    }
    return payload;
  });
}
