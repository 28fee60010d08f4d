import { resolve } from 'node:path';
import type { DatabaseTarget } from './db/index.ts';

/** Everything an installation can set, from the environment and the CLI. */
export interface Config {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Folder with the built web app; null serves the API only. */
  webDist: string | null;
  sessionTtlMs: number;
  /**
   * How long a node trusts a session's or API token's principal without asking the database
   * (LINIA_AUTH_CACHE_MS, default 60000; 0 = ask on every request). Logout, revocation and user
   * changes reach every node's cache at once over the event bus, and a bus that reconnected
   * empties the cache; this only bounds a change made behind the server's back (SQL by hand).
   * A minute, because an agent's requests are minutes apart: a shorter life missed on nearly
   * every accept (the ACD benchmark: one session read per contact at 5 s).
   */
  authCacheMs: number;
  logLevel: string;
  /** Seed the demo center when the database has no tenant yet. */
  seedDemo: boolean;
  /** Largest attachment accepted, in bytes (LINIA_ATTACHMENT_MB, default 10). */
  attachmentMaxBytes: number;
  /** How often due webhook deliveries are sent (LINIA_WEBHOOK_POLL_MS, default 1000; 0 = never, for tests). */
  webhookPollMs: number;
  /**
   * How the other nodes of a PostgreSQL installation reach this one (LINIA_NODE_URL, e.g.
   * http://10.0.0.5:8080); they forward live ACD requests to the routing node at this address.
   * Unset: http://127.0.0.1:<port>, right when all nodes run on one machine.
   */
  nodeUrl: string | null;
}

export interface ConfigOverrides {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  seedDemo?: boolean;
  webDist?: string | null;
}

export function loadConfig(over: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const url = over.databaseUrl ?? env.DATABASE_URL;
  const dataDir = resolve(over.dataDir ?? env.LINIA_DATA ?? 'data');
  return {
    host: over.host ?? env.HOST ?? '0.0.0.0',
    port: over.port ?? Number(env.PORT ?? 8080),
    database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    webDist: over.webDist !== undefined ? over.webDist : resolve(import.meta.dirname, '../../web/dist'),
    sessionTtlMs: Number(env.LINIA_SESSION_HOURS ?? 12) * 3_600_000,
    authCacheMs: Number(env.LINIA_AUTH_CACHE_MS ?? 60_000),
    logLevel: over.logLevel ?? env.LOG_LEVEL ?? 'info',
    seedDemo: over.seedDemo ?? env.LINIA_DEMO !== '0',
    attachmentMaxBytes: Math.round(Number(env.LINIA_ATTACHMENT_MB ?? 10) * 1024 * 1024),
    webhookPollMs: Number(env.LINIA_WEBHOOK_POLL_MS ?? 1000),
    nodeUrl: env.LINIA_NODE_URL || null,
  };
}
