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
  'contacts.view', // the contact journal and its export
  'contacts.edit', // register contacts, set topic/outcome/fields, attach files
  'customers.view', // customer cards (every view is audited: personal data)
  'customers.edit',
  'customers.merge', // join two cards of one person
  'knowledge.view',
  'knowledge.edit',
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
const DESK: readonly Permission[] = ['contacts.view', 'contacts.edit', 'customers.view', 'customers.edit', 'knowledge.view'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  operator: ['desk.use', 'hotlines.view', ...DESK],
  // Seniors and leads also join duplicate cards and keep the knowledge base.
  senior_operator: ['desk.use', 'wallboard.view', 'hotlines.view', ...DESK, 'customers.merge', 'knowledge.edit'],
  group_lead: [
    'desk.use', 'wallboard.view', 'floor.control', 'quality.use', 'planning.use', 'hotlines.view', 'users.view',
    ...DESK, 'customers.merge', 'knowledge.edit',
  ],
  // Quality reads contacts to evaluate them; it does not register or change them.
  quality_specialist: ['quality.use', 'wallboard.view', 'hotlines.view', 'users.view', 'contacts.view', 'customers.view', 'knowledge.view'],
  planner: ['planning.use', 'wallboard.view', 'hotlines.view', 'users.view'],
  // The manager owns the client's hotlines, so also the articles operators answer from.
  cc_manager: [
    'manage.use', 'wallboard.view', 'quality.use', 'planning.use', 'client.portal',
    'clients.view', 'clients.edit', 'hotlines.view', 'hotlines.edit', 'users.view',
    'contacts.view', 'customers.view', 'knowledge.view', 'knowledge.edit',
  ],
  head_of_center: ALL.filter(
    (p) => !['users.edit', 'tokens.manage', 'clients.edit', 'hotlines.edit', 'contacts.edit', 'customers.edit', 'customers.merge', 'knowledge.edit'].includes(p),
  ),
  client_viewer: ['client.portal', 'hotlines.view'],
  admin: ALL,
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
