/**
 * The events an integration can subscribe to. A subscription lists names or family wildcards
 * (`case.*`): cases gain event kinds as their workflow grows, and an integration that wants
 * "everything about cases" should not have to be edited each time.
 */
export const WEBHOOK_EVENTS = ['contact.created', 'contact.closed', 'case.*'] as const;

/** Sent by "Test delivery": lets an administrator check the receiving end before real traffic. */
export const WEBHOOK_PING = 'webhook.ping';

const PATTERN = /^[a-z][a-z_]*(\.([a-z][a-z_]*|\*))$/;

/** A name or wildcard a subscription may list: `family.event` or `family.*`. */
export function isEventPattern(value: string): boolean {
  return PATTERN.test(value) && (WEBHOOK_EVENTS as readonly string[]).some((known) => covers(known, value) || covers(value, known));
}

/** Does `pattern` (a name, or `family.*`) cover the event `type`? */
export function covers(pattern: string, type: string): boolean {
  if (pattern === type) return true;
  if (!pattern.endsWith('.*')) return false;
  return type.startsWith(pattern.slice(0, -1));
}

/** Whether a subscription listing `patterns` receives `type`. Pings go to every subscription. */
export function subscribed(patterns: readonly string[], type: string): boolean {
  return type === WEBHOOK_PING || patterns.some((p) => covers(p, type));
}
