import { normaliseEmail, normalisePhone } from '@linia/engine';
import { badField } from '../http/problem.ts';
import type { IdentifierKind } from './schema.ts';

/**
 * An identifier as stored: phones in E.164, e-mails lowercased, chat and messenger ids trimmed.
 * A value that cannot be what its kind says is refused, naming `field`.
 */
export function normaliseIdentifier(kind: IdentifierKind, value: string, field: string): string {
  if (kind === 'phone') {
    const phone = normalisePhone(value);
    if (!phone) throw badField(field, 'not a phone number');
    return phone;
  }
  if (kind === 'email') {
    const email = normaliseEmail(value);
    if (!email) throw badField(field, 'not an e-mail address');
    return email;
  }
  return value.trim();
}

/** Like normaliseIdentifier, but null instead of an error: for search boxes. */
export function tryIdentifier(kind: IdentifierKind, value: string): string | null {
  try {
    return normaliseIdentifier(kind, value, 'q');
  } catch {
    return null;
  }
}
