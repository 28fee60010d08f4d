/**
 * The flood limit of one chat: at most `perMinute` customer messages in any sliding minute.
 * Given how many were sent in the last minute and when the oldest of them was, returns null when
 * one more may go now, else the whole seconds to wait (the Retry-After) until the oldest leaves
 * the window — at least 1.
 */
export const FLOOD_WINDOW_MS = 60_000;

export function floodRetryAfter(sentInWindow: number, oldestAt: number | null, perMinute: number, now: number): number | null {
  if (sentInWindow < perMinute) return null;
  const frees = (oldestAt ?? now) + FLOOD_WINDOW_MS;
  return Math.max(1, Math.ceil((frees - now) / 1000));
}
