export * from './attempts.ts';
