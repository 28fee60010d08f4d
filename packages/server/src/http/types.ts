import type { Permission } from '@linia/engine';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; every /api/v1 route declares this, `signedIn` or `public`. */
    permission?: Permission;
    /** Any signed-in caller, whatever the role (own profile, logout, the WebSocket). */
    signedIn?: boolean;
    /** Open without signing in (login, health). */
    public?: boolean;
    /** A creating POST that honours the Idempotency-Key header. */
    idempotent?: boolean;
    /** Needs the live ACD engine: on a node that does not route, sent on to the one that does (acd/forward.ts). */
    routed?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export {};
