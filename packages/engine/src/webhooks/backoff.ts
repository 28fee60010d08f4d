/**
 * When a failed webhook delivery is tried again. Exponential back-off from 30 s, doubling,
 * capped at 6 h, for at most 12 attempts: a receiver that is down for a deploy gets its events
 * within minutes, one that is down for a night still gets them the next morning (the twelfth
 * attempt comes ≈ 14½ h after the first), and a dead URL stops costing anything after that.
 */
export const WEBHOOK_MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/**
 * Delay before the next attempt after `attempts` failed ones (1 = the first failed), or null
 * when the delivery is given up. `jitter` in [0, 1) spreads retries of many deliveries that
 * failed together (a receiver outage) by up to +20 %, so they do not return as one burst.
 */
export function retryDelayMs(attempts: number, jitter = 0): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const base = Math.min(FIRST_DELAY_MS * 2 ** (attempts - 1), MAX_DELAY_MS);
  return Math.round(base * (1 + 0.2 * Math.min(Math.max(jitter, 0), 0.999_999)));
}

/** A response status the receiver accepted the event with. Redirects are not followed: a URL is configured exactly. */
export const deliveredStatus = (status: number) => status >= 200 && status < 300;
