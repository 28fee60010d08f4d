export * from './access/roles.ts';
export * from './access/permissions.ts';
export * from './access/areas.ts';
export * from './routing/index.ts';
export * from './simulation/index.ts';
export * from './planning/index.ts';
