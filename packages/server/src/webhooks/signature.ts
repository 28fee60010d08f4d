import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing follows the Standard Webhooks specification (standardwebhooks.com), so receivers can
 * verify with an off-the-shelf library in their language instead of our own recipe:
 *   webhook-id: <delivery id>          (the same on every retry: receivers de-duplicate by it)
 *   webhook-timestamp: <unix seconds>  (receivers reject old ones: replay protection)
 *   webhook-signature: v1,<base64 HMAC-SHA256 over "<id>.<timestamp>.<body>">
 * The secret is `whsec_` + base64 of 24 random bytes; the HMAC key is those bytes.
 */
const PREFIX = 'whsec_';

export const newSigningSecret = () => PREFIX + randomBytes(24).toString('base64');

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function sign(secret: string, deliveryId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${deliveryId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The headers of one delivery attempt. */
export function signedHeaders(secret: string, deliveryId: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Linia-Webhooks/1',
    'webhook-id': deliveryId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': sign(secret, deliveryId, timestampSeconds, body),
  };
}

/** What a receiver does (here for tests and for the docs' example): any listed v1 signature may match. */
export function verify(secret: string, headers: Record<string, string | undefined>, body: string): boolean {
  const id = headers['webhook-id'];
  const ts = Number(headers['webhook-timestamp']);
  const given = headers['webhook-signature'];
  if (!id || !Number.isFinite(ts) || !given) return false;
  const expected = Buffer.from(sign(secret, id, ts, body));
  return given.split(' ').some((candidate) => {
    const b = Buffer.from(candidate);
    return b.length === expected.length && timingSafeEqual(b, expected);
  });
}
