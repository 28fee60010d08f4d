import { areasFor, type AreaId } from '@linia/engine';
import type { Me } from '../api/types.ts';

/** URL of each area's start page. Admin opens on its first section. */
export const AREA_PATHS: Record<AreaId, string> = {
  desk: '/desk',
  wallboard: '/wallboard',
  quality: '/quality',
  planning: '/planning',
  manage: '/manage',
  client: '/client',
  admin: '/admin',
};

/** The areas come from the engine's single role→area rule, applied to the server's permissions. */
export function userAreas(me: Me): AreaId[] {
  return areasFor(me.permissions);
}

export function homePath(me: Me): string {
  const first = userAreas(me)[0];
  return first ? AREA_PATHS[first] : '/account';
}

export function can(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}
