import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/index.ts';
import type { installMetrics } from './metrics.ts';

/** /healthz: the process answers. /readyz: and its database does too. */
export function installHealth(app: FastifyInstance, db: Database, metrics: ReturnType<typeof installMetrics>) {
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const stop = metrics.database.startTimer();
    try {
      await db.exec('SELECT 1');
      stop();
      return { status: 'ready', database: db.kind };
    } catch (err) {
      metrics.databaseErrors.inc();
      req.log.warn({ err }, 'database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: db.kind });
    }
  });
}
