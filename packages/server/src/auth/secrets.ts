import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an API token; only its SHA-256 is stored. */
export const newSecret = () => randomBytes(32).toString('base64url');

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
