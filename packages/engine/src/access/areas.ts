import type { Permission } from './permissions.ts';

/**
 * The screen areas of the web app and the permissions that open each (any one of them).
 * Administration opens for whoever keeps part of the setup: the admin, the manager who edits
 * clients and hotlines, and the head of the center who reads the audit log; inside, each
 * section shows only what the role may see, read-only where it may not change.
 */
export const AREAS = [
  { id: 'desk', permissions: ['desk.use'] },
  { id: 'wallboard', permissions: ['wallboard.view'] },
  { id: 'quality', permissions: ['quality.use'] },
  { id: 'planning', permissions: ['planning.use'] },
  { id: 'manage', permissions: ['manage.use'] },
  { id: 'client', permissions: ['client.portal'] },
  { id: 'admin', permissions: ['users.edit', 'clients.edit', 'hotlines.edit', 'audit.view'] },
] as const satisfies readonly { id: string; permissions: readonly Permission[] }[];

export type AreaId = (typeof AREAS)[number]['id'];

export function areasFor(permissions: readonly string[]): AreaId[] {
  return AREAS.filter((a) => a.permissions.some((p) => permissions.includes(p))).map((a) => a.id);
}
