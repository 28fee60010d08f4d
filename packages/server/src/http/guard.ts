import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@linia/engine';
import type { Database } from '../db/index.ts';
import { principalFromApiToken, principalFromSession, SESSION_COOKIE } from '../auth/service.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpProblem } from './problem.ts';

/**
 * Authentication and authorisation for every API route, in one hook. A route that declares
 * no permission, `signedIn` or `public` is refused when the server starts, so no route can be
 * added without saying who may call it.
 */
export function installGuard(app: FastifyInstance, db: Database) {
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
    req.principal = await authenticate(db, req);
    if (!req.principal) throw new HttpProblem(401, 'Sign in first');
    if (config.permission && !can(req.principal.role, config.permission)) {
      throw new HttpProblem(403, `Your role may not do this (needs ${config.permission})`);
    }
  });
}

async function authenticate(db: Database, req: FastifyRequest): Promise<Principal | null> {
  const now = new Date();
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return principalFromApiToken(db, auth.slice(7).trim(), now);
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? principalFromSession(db, cookie, now) : null;
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new HttpProblem(401, 'Sign in first');
  return req.principal;
}
