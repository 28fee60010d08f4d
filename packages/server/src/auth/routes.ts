import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { permissionsOf } from '@linia/engine';
import type { AppContext } from '../http/context.ts';
import { inTenant } from '../http/context.ts';
import { principalOf } from '../http/guard.ts';
import { HttpProblem } from '../http/problem.ts';
import { findOr404, idParams, listPage } from '../http/crud.ts';
import { page, pageQuery } from '../http/pagination.ts';
import type { Principal } from './principal.ts';
import { apiTokens } from './schema.ts';
import { changePassword, login, logout, newApiTokenSecret, principalFromSession, SESSION_COOKIE } from './service.ts';
import { loginBody, meOut, passwordBody, tokenCreate, tokenCreated, tokenOut } from './contracts.ts';

const me = (p: Principal): z.infer<typeof meOut> => ({
  id: p.id,
  kind: p.kind,
  login: p.login,
  name: p.name,
  role: p.role,
  tenant: { id: p.tenantId, name: p.tenantName },
  clientId: p.clientId,
  permissions: [...permissionsOf(p.role)],
});

type TokenRow = typeof apiTokens.$inferSelect;
const toToken = (t: TokenRow): z.infer<typeof tokenOut> => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** Sign-in, sign-out, own password, and API tokens for integrations. */
export function authRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags, body: loginBody, response: { 200: meOut } },
  }, async (req, reply) => {
    const now = Date.now();
    const checks = [
      { throttle: ctx.loginThrottle, key: req.body.login },
      { throttle: ctx.addressThrottle, key: req.ip },
    ];
    const wait = Math.max(...checks.map((c) => c.throttle.retryAfterMs(c.key, now)));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpProblem(429, `Too many failed attempts; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
    }
    const session = await login(ctx.db, req.body.login, req.body.password, ctx.config.sessionTtlMs, new Date(now));
    if (!session) {
      for (const c of checks) c.throttle.recordFailure(c.key, now);
      throw new HttpProblem(401, 'Wrong login or password');
    }
    ctx.loginThrottle.recordSuccess(req.body.login);
    const principal = await principalFromSession(ctx.db, session.secret, new Date(now));
    reply.setCookie(SESSION_COOKIE, session.secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: Math.floor(ctx.config.sessionTtlMs / 1000),
    });
    return me(principal!);
  });

  app.post('/api/v1/auth/logout', {
    config: { signedIn: true },
    schema: { tags, response: { 204: z.null() } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    await logout(ctx.db, principal);
    if (principal.sessionId) await ctx.revocation.revoke({ tenantId: principal.tenantId, sessionId: principal.sessionId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: { signedIn: true },
    schema: { tags, response: { 200: meOut } },
  }, async (req) => me(principalOf(req)));

  app.post('/api/v1/auth/password', {
    config: { signedIn: true },
    schema: { tags, body: passwordBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const principal = principalOf(req);
    if (principal.kind !== 'user') throw new HttpProblem(403, 'An API token has no password');
    await changePassword(ctx.db, principal, req.body.currentPassword, req.body.newPassword);
    // The other sessions are gone; this one is merely looked up again.
    await ctx.revocation.revoke({ tenantId: principal.tenantId, userId: principal.id });
    return reply.code(204).send(null);
  });

  const tokenTags = ['api-tokens'];
  app.get('/api/v1/api-tokens', {
    config: { permission: 'tokens.manage' },
    schema: { tags: tokenTags, querystring: pageQuery, response: { 200: page(tokenOut) } },
  }, (req) => inTenant(ctx, req, (tx) => listPage(tx, apiTokens, [], req.query, toToken)));

  app.post('/api/v1/api-tokens', {
    config: { permission: 'tokens.manage', idempotent: true },
    schema: { tags: tokenTags, body: tokenCreate, response: { 201: tokenCreated } },
  }, async (req, reply) => {
    const { secret, hash } = newApiTokenSecret();
    const principal = principalOf(req);
    const [row] = await inTenant(ctx, req, (tx) =>
      tx
        .insert(apiTokens)
        .values({ ...req.body, secretHash: hash, createdBy: principal.kind === 'user' ? principal.id : null })
        .returning(),
    );
    return reply.code(201).send({ ...toToken(row!), secret: secret(row!.id) });
  });

  app.delete('/api/v1/api-tokens/:id', {
    config: { permission: 'tokens.manage' },
    schema: { tags: tokenTags, params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await inTenant(ctx, req, async (tx) => {
      const token = await findOr404(tx, apiTokens, req.params.id, 'API token');
      if (!token.revokedAt) await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, token.id));
    });
    await ctx.revocation.revoke({ tenantId: principalOf(req).tenantId, tokenId: req.params.id });
    return reply.code(204).send(null);
  });
}
