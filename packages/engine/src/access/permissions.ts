import type { Role } from './roles.ts';

/**
 * Every permission the product checks. A route declares the one it needs;
 * the matrix below is the only place that says which role has it.
 */
export const PERMISSIONS = [
  'desk.use', // the operator desktop
  'wallboard.view', // live queues and agent states
  'floor.control', // change agents' states and skills live
  'quality.use', // scorecards, evaluations, calibration
  'planning.use', // forecast, staffing, schedules
  'manage.use', // client hotlines, reports, man-hours, billing
  'client.portal', // a client's own view of its hotlines
  'clients.view',
  'clients.edit',
  'hotlines.view',
  'hotlines.edit',
  'users.view',
  'users.edit',
  'tokens.manage',
  'audit.view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/**
 * The role → permission matrix. Why these sets: an operator works the desk; a senior operator
 * also watches the floor; a group lead runs the floor and reads quality/planning for the group;
 * specialists own their function; the manager runs client hotlines; the head of the center sees
 * everything but administers nothing; the client viewer sees only the client portal (and only
 * its own client's hotlines — that filter lives in the hotline queries, see `clientScope`).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  operator: ['desk.use', 'hotlines.view'],
  senior_operator: ['desk.use', 'wallboard.view', 'hotlines.view'],
  group_lead: ['desk.use', 'wallboard.view', 'floor.control', 'quality.use', 'planning.use', 'hotlines.view', 'users.view'],
  quality_specialist: ['quality.use', 'wallboard.view', 'hotlines.view', 'users.view'],
  planner: ['planning.use', 'wallboard.view', 'hotlines.view', 'users.view'],
  cc_manager: [
    'manage.use', 'wallboard.view', 'quality.use', 'planning.use', 'client.portal',
    'clients.view', 'clients.edit', 'hotlines.view', 'hotlines.edit', 'users.view',
  ],
  head_of_center: ALL.filter((p) => !['users.edit', 'tokens.manage', 'clients.edit', 'hotlines.edit'].includes(p)),
  client_viewer: ['client.portal', 'hotlines.view'],
  admin: ALL,
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
