import type { Permission } from './permissions.ts';

/** The screen areas of the web app and the permission that opens each. */
export const AREAS = [
  { id: 'desk', permission: 'desk.use' },
  { id: 'wallboard', permission: 'wallboard.view' },
  { id: 'quality', permission: 'quality.use' },
  { id: 'planning', permission: 'planning.use' },
  { id: 'manage', permission: 'manage.use' },
  { id: 'client', permission: 'client.portal' },
  { id: 'admin', permission: 'users.edit' },
] as const satisfies readonly { id: string; permission: Permission }[];

export type AreaId = (typeof AREAS)[number]['id'];

export function areasFor(permissions: readonly string[]): AreaId[] {
  return AREAS.filter((a) => permissions.includes(a.permission)).map((a) => a.id);
}
