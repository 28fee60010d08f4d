export * from './definition.ts';
export * from './validate.ts';
export * from './walk.ts';
export * from './match.ts';
