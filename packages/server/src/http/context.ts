import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { withTenant, type Database, type Tx } from '../db/index.ts';
import type { EventBus } from '../realtime/bus.ts';
import { envelope } from '../realtime/envelope.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import type { PrincipalCache } from '../auth/principalCache.ts';
import type { PrincipalRevocation } from '../auth/revocation.ts';
import type { TokenUseThrottle } from '../auth/tokenUse.ts';
import { scopeOf } from '../auth/principal.ts';
import { principalOf } from './guard.ts';

/** What route modules are given: the database, the event bus and the settings. */
export interface AppContext {
  db: Database;
  bus: EventBus;
  config: Config;
  /** Failed sign-ins per login name: five in 15 minutes lock that login. */
  loginThrottle: LoginThrottle;
  /**
   * Failed sign-ins per client address, with a much higher bar: a whole floor often shares one
   * address behind NAT, and one person's typos must not lock everyone out.
   */
  addressThrottle: LoginThrottle;
  /** Who recent credentials stand for, so a request need not ask the database (auth/principalCache.ts). */
  principals: PrincipalCache;
  /** Tells every node's principal cache that a session ended or a token was revoked. */
  revocation: PrincipalRevocation;
  /** When an API token's last use is worth writing. */
  tokenUse: TokenUseThrottle;
}

/** Runs `work` in a transaction scoped to the caller's tenant (and client, for a client viewer). */
export function inTenant<T>(ctx: AppContext, req: FastifyRequest, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(ctx.db, scopeOf(principalOf(req), req.id), work);
}

/** Tells the caller's tenant that an entity changed, after the change is committed. */
export function announceChange(ctx: AppContext, req: FastifyRequest, entity: string, id: string, action: string) {
  const principal = principalOf(req);
  return ctx.bus.publish(envelope(principal.tenantId, 'tenant', `${entity}.changed`, { id, action }));
}
