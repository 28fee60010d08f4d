import { HttpProblem } from './problem.ts';

/**
 * PostgreSQL errors that are the client's fault, turned into problems naming the field.
 * Constraint names come from the Drizzle schema; a new unique index adds one line here.
 */
const UNIQUE_FIELDS: Record<string, string> = {
  users_login: 'body.login',
  clients_tenant_name: 'body.name',
  hotlines_tenant_code: 'body.code',
  customer_identifiers_value: 'body.identifiers',
};

interface PgError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function pgErrorOf(err: unknown): PgError | null {
  // Drizzle wraps the driver's error in `cause`.
  for (let e = err as PgError | undefined, depth = 0; e && depth < 3; e = e.cause as PgError, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return null;
}

export function problemFromDatabase(err: unknown): HttpProblem | null {
  const pgErr = pgErrorOf(err);
  if (!pgErr) return null;
  if (pgErr.code === '23505') {
    const field = UNIQUE_FIELDS[pgErr.constraint ?? ''] ?? 'body';
    return new HttpProblem(409, `${field.replace(/^body\./, '')} is already taken`, [{ field, message: 'already taken' }]);
  }
  if (pgErr.code === '23503' || pgErr.code === '23001') {
    return new HttpProblem(409, 'Other records still refer to this one; deactivate it instead');
  }
  if (pgErr.code === '22P02' || pgErr.code === '22007') return new HttpProblem(400, 'A value has the wrong format');
  return null;
}
