export * from './events.ts';
export * from './backoff.ts';
