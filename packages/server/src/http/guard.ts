import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@linia/engine';
import { findSession, principalFromApiToken, recordTokenUse, SESSION_COOKIE } from '../auth/service.ts';
import type { Principal } from '../auth/principal.ts';
import { sha256 } from '../auth/secrets.ts';
import type { AppContext } from './context.ts';
import { HttpProblem } from './problem.ts';

type AuthContext = Pick<AppContext, 'db' | 'principals' | 'tokenUse'>;

/**
 * Authentication and authorisation for every API route, in one hook. A route that declares
 * no permission, `signedIn` or `public` is refused when the server starts, so no route can be
 * added without saying who may call it.
 */
export function installGuard(app: FastifyInstance, ctx: AuthContext) {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    // The API documentation (registered by @fastify/swagger-ui) is for everyone.
    if (url === '/api/v1/docs' || url.startsWith('/api/v1/docs/')) route.config = { ...route.config, public: true };
    if (!url.startsWith('/api/v1/') || route.config?.public || route.config?.signedIn || route.config?.permission) return;
    throw new Error(`Route ${route.method} ${url} declares no permission, signedIn or public`);
  });

  app.addHook('onRequest', async (req) => {
    const config = req.routeOptions.config;
    if (!req.url.startsWith('/api/v1/') || config.public) return;
    req.principal = await authenticate(ctx, req);
    if (!req.principal) throw new HttpProblem(401, 'Sign in first');
    if (config.permission && !can(req.principal.role, config.permission)) {
      throw new HttpProblem(403, `Your role may not do this (needs ${config.permission})`);
    }
  });
}

/** Who is calling: a bearer token, else the session cookie. */
async function authenticate(ctx: AuthContext, req: FastifyRequest): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const bearer = auth.slice(7).trim();
    const principal = await remembered(ctx, `token:${sha256(bearer)}`, async () => {
      const p = await principalFromApiToken(ctx.db, bearer);
      return p && { principal: p, expiresAt: null };
    });
    const now = Date.now();
    if (principal && ctx.tokenUse.due(principal.id, now)) await recordTokenUse(ctx.db, principal.id, new Date(now));
    return principal;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? remembered(ctx, `session:${sha256(cookie)}`, () => findSession(ctx.db, cookie, new Date())) : null;
}

/**
 * The principal cached under `key` (the credential's hash with its kind: the secret itself is not
 * kept past the request), else looked up and cached until the time-to-live or the session's end.
 */
async function remembered(
  ctx: AuthContext,
  key: string,
  lookUp: () => Promise<{ principal: Principal; expiresAt: Date | null } | null>,
): Promise<Principal | null> {
  const cached = ctx.principals.get(key);
  if (cached) return cached;
  const ticket = ctx.principals.ticket();
  const found = await lookUp();
  if (!found) return null;
  ctx.principals.set(key, found.principal, ticket, found.expiresAt?.getTime());
  return found.principal;
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new HttpProblem(401, 'Sign in first');
  return req.principal;
}
