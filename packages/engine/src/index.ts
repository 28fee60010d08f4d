export * from './access/roles.ts';
export * from './access/permissions.ts';
export * from './access/areas.ts';
