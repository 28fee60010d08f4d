import type { Role } from '@linia/engine';
import type { Scope } from '../db/index.ts';

/** Who is calling: a signed-in person or an integration's API token. */
export interface Principal {
  kind: 'user' | 'token';
  id: string;
  name: string;
  login: string | null;
  role: Role;
  tenantId: string;
  tenantName: string;
  /** Set for a client viewer: they see only this client's rows. */
  clientId: string | null;
  sessionId: string | null;
}

const NO_CLIENT = '00000000-0000-0000-0000-000000000000';

export function scopeOf(principal: Principal, requestId?: string): Scope {
  return {
    tenantId: principal.tenantId,
    // A client viewer with no client must see nothing, not everything.
    clientId: principal.role === 'client_viewer' ? (principal.clientId ?? NO_CLIENT) : null,
    actor: { kind: principal.kind, id: principal.id, name: principal.name },
    requestId,
  };
}
