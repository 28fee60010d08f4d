import type { CustomFieldDef, Role } from '@linia/engine';

/** Shapes of the API's JSON, as the contract in the issue defines them. */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  id: string;
  login: string;
  name: string;
  role: Role;
  tenant: { id: string; name: string };
  clientId: string | null;
  permissions: string[];
}

export interface User {
  id: string;
  login: string;
  name: string;
  email: string | null;
  role: Role;
  clientId: string | null;
  active: boolean;
  createdAt: string;
}

export interface RoleMatrix {
  roles: { role: Role; permissions: string[] }[];
  permissions: string[];
}

export interface Client {
  id: string;
  name: string;
  legalName: string | null;
  active: boolean;
  createdAt: string;
}

export const CHANNELS = ['voice', 'chat', 'email', 'webform', 'messenger', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Topic {
  id: string;
  name: string;
  children: Topic[];
}

export interface Hotline {
  customFields: CustomFieldDef[];
  id: string;
  clientId: string;
  name: string;
  code: string;
  timeZone: string;
  channels: Channel[];
  topics: Topic[];
  active: boolean;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  secret: string;
}

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'read', 'merge'] as const;
export const AUDIT_ENTITIES = ['user', 'client', 'hotline', 'api_token', 'customer', 'contact', 'knowledge_article', 'webhook_subscription'] as const;

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorKind: 'user' | 'token' | 'system';
  action: (typeof AUDIT_ACTIONS)[number];
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
