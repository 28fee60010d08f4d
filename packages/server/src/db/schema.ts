/** The whole database schema: every module's tables, for Drizzle and drizzle-kit. */
export * from '../tenants/schema.ts';
export * from '../people/schema.ts';
export * from '../auth/schema.ts';
export * from '../audit/schema.ts';
export * from '../http/schema.ts';
export * from '../customers/schema.ts';
export * from '../contacts/schema.ts';
export * from '../knowledge/schema.ts';
