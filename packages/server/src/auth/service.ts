import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { isRole } from '@linia/engine';
import { asSystem, withTenant, type Database } from '../db/index.ts';
import { tenants } from '../tenants/schema.ts';
import { users } from '../people/schema.ts';
import { apiTokens, sessions } from './schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newSecret, sha256 } from './secrets.ts';
import { scopeOf, type Principal } from './principal.ts';
import { HttpProblem } from '../http/problem.ts';

export const SESSION_COOKIE = 'linia_session';
const TOKEN_PREFIX = 'lin_';

/** Checks a login and password; on success opens a session and returns its cookie value. */
export async function login(db: Database, loginName: string, password: string, ttlMs: number, now: Date) {
  const [user] = await asSystem(db, (tx) =>
    tx.select().from(users).where(and(eq(users.login, loginName), eq(users.active, true))),
  );
  // Verify against a dummy hash when the login is unknown so timing does not reveal which logins exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  const secret = newSecret();
  const scope = { tenantId: user.tenantId, clientId: null, actor: { kind: 'user' as const, id: user.id, name: user.name } };
  await withTenant(db, scope, async (tx) => {
    await tx.insert(sessions).values({ tokenHash: sha256(secret), userId: user.id, expiresAt: new Date(now.getTime() + ttlMs) });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  });
  return { secret, userId: user.id };
}
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The principal behind a session cookie and when the session ends, or null when it is unknown,
 * expired or the user is inactive. One SELECT on the owner's connection, outside any transaction:
 * the same privileges as `asSystem` (the tenant is not known yet — this finds it), without the
 * BEGIN and COMMIT round trips every request would otherwise pay.
 */
export async function findSession(db: Database, secret: string, now: Date): Promise<{ principal: Principal; expiresAt: Date } | null> {
  const [row] = await db.orm
    .select({ session: sessions, user: users, tenantName: tenants.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(and(eq(sessions.tokenHash, sha256(secret)), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row || !isRole(row.user.role)) return null;
  const principal: Principal = {
    kind: 'user',
    id: row.user.id,
    name: row.user.name,
    login: row.user.login,
    role: row.user.role,
    tenantId: row.user.tenantId,
    tenantName: row.tenantName,
    clientId: row.user.clientId,
    sessionId: row.session.id,
  };
  return { principal, expiresAt: row.session.expiresAt };
}

/** The principal behind a session cookie, or null when it is unknown, expired or the user is inactive. */
export async function principalFromSession(db: Database, secret: string, now: Date): Promise<Principal | null> {
  return (await findSession(db, secret, now))?.principal ?? null;
}

export async function logout(db: Database, principal: Principal): Promise<void> {
  if (!principal.sessionId) return;
  await withTenant(db, scopeOf(principal), (tx) => tx.delete(sessions).where(eq(sessions.id, principal.sessionId!)));
}

/** Changes the caller's password and ends their other sessions. */
export async function changePassword(db: Database, principal: Principal, current: string, next: string) {
  await withTenant(db, scopeOf(principal), async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, principal.id));
    if (!user || !(await verifyPassword(current, user.passwordHash))) {
      throw new HttpProblem(400, 'The current password is wrong', [{ field: 'body.currentPassword', message: 'wrong password' }]);
    }
    await tx.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), principal.sessionId ? sql`${sessions.id} <> ${principal.sessionId}` : undefined));
  });
}

/** Issues a token; the secret is returned once and only its hash is kept. */
export function newApiTokenSecret(): { secret: (id: string) => string; hash: string } {
  const raw = newSecret();
  return { secret: (id) => `${TOKEN_PREFIX}${id}_${raw}`, hash: sha256(raw) };
}

/**
 * The principal behind `Authorization: Bearer lin_<id>_<secret>`, or null. Like `findSession`,
 * one SELECT on the owner's connection without a transaction.
 */
export async function principalFromApiToken(db: Database, bearer: string): Promise<Principal | null> {
  const match = /^lin_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(bearer);
  if (!match) return null;
  const [, id, raw] = match;
  const [row] = await db.orm
    .select({ token: apiTokens, tenantName: tenants.name })
    .from(apiTokens)
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(and(eq(apiTokens.id, id!), eq(apiTokens.secretHash, sha256(raw!)), isNull(apiTokens.revokedAt)));
  if (!row || !isRole(row.token.role)) return null;
  return {
    kind: 'token',
    id: row.token.id,
    name: `token: ${row.token.name}`,
    login: null,
    role: row.token.role,
    tenantId: row.token.tenantId,
    tenantName: row.tenantName,
    clientId: null,
    sessionId: null,
  };
}

/** Notes that a token was used. Last use is bookkeeping: the audit trigger ignores this column. */
export async function recordTokenUse(db: Database, tokenId: string, now: Date): Promise<void> {
  await db.orm.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
