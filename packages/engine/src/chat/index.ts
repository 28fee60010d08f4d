export * from './status.ts';
export * from './flood.ts';
