export { openDatabase, sqlRows, type Database, type DatabaseTarget, type Orm, type Tx } from './connect.ts';
export { migrate } from './migrate.ts';
export { withTenant, asSystem, actAs, unaudited, type Scope, type Actor } from './tenancy.ts';
