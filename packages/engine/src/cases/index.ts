export * from './priority.ts';
export * from './workflow.ts';
export * from './orderStatus.ts';
