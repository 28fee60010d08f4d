import { HttpProblem } from '../http/problem.ts';

/**
 * A sliding-window request limit for the public survey routes: at most `max` requests per key in
 * `windowMs`. Those routes need no sign-in, so without it anyone could hammer them — guessing
 * tokens (24 random bytes make that hopeless, but each guess still costs a database lookup) or
 * flooding one survey. Kept in memory per node, like the login throttle; keys nobody used within
 * the window are dropped as the map grows, so many addresses cannot grow it without bound.
 */
export class RequestRateLimit {
  private hits = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts a request for `key`; returns 0 if it may proceed, else the milliseconds until it may. */
  take(key: string, now: number): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return recent[recent.length - this.max]! + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number) {
    for (const [k, ts] of this.hits) if (!ts.some((t) => t > now - this.windowMs)) this.hits.delete(k);
  }
}

/**
 * The public survey routes' limits: per address (a customer's browser or an office behind one
 * address: opening, reading and answering a survey takes a few requests) and per token (one
 * survey, however many addresses ask). Exceeding either: 429 problem+json with Retry-After.
 */
export function surveyRateLimits(perAddress = 60, perToken = 20, windowMs = 10 * 60_000) {
  const byAddress = new RequestRateLimit(perAddress, windowMs);
  const byToken = new RequestRateLimit(perToken, windowMs);
  return (address: string, token: string, now = Date.now()) => {
    const wait = Math.max(byAddress.take(address, now), byToken.take(token, now));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpProblem(429, `Too many requests for this survey; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
    }
  };
}
