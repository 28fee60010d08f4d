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
  'webhooks.manage', // integrations: webhook subscriptions, their secrets and delivery log
  'scripts.view', // conversation scripts: walk them on a contact, read them
  'scripts.edit', // write and change conversation scripts
  'quality.evaluate', // score contacts assigned to me, take part in calibration sessions
  'quality.manage', // scorecards, sampling plans, quality groups, calibration sessions (as lead)
  'quality.resolve', // accept or reject agents' disputes (a group lead: only of their own group)
  'acd.configure', // ACD queues, skills, not-ready reasons (agents' skills and queues are floor.control)
  'cases.view', // cases (заявки, претензии, инциденты), their timelines and SLA clocks
  'cases.edit', // open, comment, change status, assign, escalate, record a complaint's decision
  'cases.manage', // business calendars, resolver groups, SLA policies
  'cases.notify', // send outage notices (suspension, resumption) to every affected customer
  'simulation.run', // run contact-center scenarios (engine-only, and live on the demo center)
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
// Cases are worked where contacts are taken: every desk role opens, escalates and resolves them.
// Every desk role walks the conversation scripts.
const DESK: readonly Permission[] = [
  'contacts.view', 'contacts.edit', 'customers.view', 'customers.edit', 'knowledge.view', 'cases.view', 'cases.edit', 'scripts.view',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  operator: ['desk.use', 'hotlines.view', ...DESK],
  // Seniors and leads also join duplicate cards and keep the knowledge base; with managers they
  // keep the conversation scripts too: they know how the line talks.
  senior_operator: ['desk.use', 'wallboard.view', 'hotlines.view', ...DESK, 'customers.merge', 'knowledge.edit', 'scripts.edit'],
  group_lead: [
    'desk.use', 'wallboard.view', 'floor.control', 'quality.use', 'planning.use', 'hotlines.view', 'users.view',
    // The lead on shift announces an outage to the customers it hits (from a problem in the desk).
    'cases.notify',
    // A lead also evaluates and calibrates, and settles their own group's disputes (the service
    // limits quality.resolve to evaluations of the group they lead).
    'quality.evaluate', 'quality.resolve', 'scripts.edit',
    // A lead checks a routing or shift change in the simulator before trying it on the floor.
    'simulation.run',
    ...DESK, 'customers.merge', 'knowledge.edit',
  ],
  // Quality reads contacts to evaluate them; it does not register or change them.
  // Specialists own function B of the standard: they design scorecards and plans, evaluate, and
  // resolve disputes (never of their own evaluations: the service refuses that).
  quality_specialist: [
    'quality.use', 'quality.evaluate', 'quality.manage', 'quality.resolve',
    'wallboard.view', 'hotlines.view', 'users.view', 'contacts.view', 'customers.view', 'knowledge.view',
    'scripts.view', // an evaluation checks the script path the operator took
    'cases.view', // complaints are part of what quality reviews
  ],
  // Planners try staffing plans and routing changes in the simulator before they go live.
  planner: ['planning.use', 'wallboard.view', 'hotlines.view', 'users.view', 'simulation.run'],
  // The manager owns the client's hotlines, so also the articles operators answer from.
  cc_manager: [
    'manage.use', 'wallboard.view', 'quality.use', 'planning.use', 'client.portal',
    'clients.view', 'clients.edit', 'hotlines.view', 'hotlines.edit', 'users.view',
    'contacts.view', 'customers.view', 'knowledge.view', 'knowledge.edit', 'scripts.view', 'scripts.edit',
    // Queues belong to the client hotlines the manager owns.
    'acd.configure',
    // The manager agrees SLA terms with the client: sets calendars, resolver groups and SLA
    // policies, sends outage notices to the client's customers, reads cases to see terms are kept.
    'cases.view', 'cases.manage', 'cases.notify',
    // The manager weighs a client's staffing and queue setup in the simulator.
    'simulation.run',
  ],
  head_of_center: ALL.filter(
    (p) => !['users.edit', 'tokens.manage', 'clients.edit', 'hotlines.edit', 'contacts.edit', 'customers.edit', 'customers.merge', 'knowledge.edit', 'scripts.edit', 'webhooks.manage', 'acd.configure', 'quality.manage', 'quality.evaluate', 'cases.edit', 'cases.manage', 'cases.notify'].includes(p),
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
