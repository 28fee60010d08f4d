import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { migrate, openDatabase, type Database } from './db/index.ts';
import { InProcessBus, type EventBus } from './realtime/bus.ts';
import { PgNotifyBus } from './realtime/pgBus.ts';
import { buildApp } from './http/app.ts';
import { isEmpty, seedDemo } from './demo/seed.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  bus: EventBus;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Opens the database, applies migrations, seeds the demo center on a first start, and
 * listens. On PostgreSQL the event bus is LISTEN/NOTIFY so several nodes share events.
 */
export async function startServer(config: Config, opts: { logger?: boolean } = {}): Promise<RunningServer> {
  const db = await openDatabase(config.database);
  await migrate(db);
  const seeded = config.seedDemo && (await isEmpty(db));
  if (seeded) await seedDemo(db);
  const bus: EventBus =
    db.kind === 'postgres' ? await PgNotifyBus.connect(db.url!, pino({ level: config.logLevel })) : new InProcessBus();
  const app = await buildApp({ config, db, bus, logger: opts.logger });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    db,
    bus,
    url: `http://${host}:${port}`,
    seeded,
    async stop() {
      await app.close();
      await bus.close();
      await db.close();
    },
  };
}
