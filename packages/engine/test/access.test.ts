import { describe, expect, it } from 'vitest';
import { AREAS, PERMISSIONS, ROLES, ROLE_PERMISSIONS, areasFor, can, isRole, permissionsOf } from '../src/index.ts';

describe('role → permission matrix', () => {
  it('names every role of the standard and only known permissions', () => {
    expect(ROLES).toHaveLength(9);
    for (const role of ROLES) for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
  });

  it('opens the areas each role works in', () => {
    const areas = Object.fromEntries(ROLES.map((r) => [r, areasFor(permissionsOf(r))]));
    expect(areas).toEqual({
      operator: ['desk'],
      senior_operator: ['desk', 'wallboard'],
      group_lead: ['desk', 'wallboard', 'quality', 'planning'],
      quality_specialist: ['wallboard', 'quality'],
      planner: ['wallboard', 'planning'],
      cc_manager: ['wallboard', 'quality', 'planning', 'manage', 'client', 'admin'],
      head_of_center: ['desk', 'wallboard', 'quality', 'planning', 'manage', 'client', 'admin'],
      client_viewer: ['client'],
      admin: ['desk', 'wallboard', 'quality', 'planning', 'manage', 'client', 'admin'],
    });
  });

  it('lets only the admin administer people and tokens', () => {
    for (const role of ROLES) {
      expect(can(role, 'users.edit')).toBe(role === 'admin');
      expect(can(role, 'tokens.manage')).toBe(role === 'admin');
    }
    expect(ROLES.filter((r) => can(r, 'audit.view'))).toEqual(['head_of_center', 'admin']);
    expect(ROLES.filter((r) => can(r, 'hotlines.edit'))).toEqual(['cc_manager', 'admin']);
  });

  it('gives the desk permissions to the desk roles, merge and knowledge editing to seniors and up', () => {
    expect(ROLES.filter((r) => can(r, 'contacts.edit'))).toEqual(['operator', 'senior_operator', 'group_lead', 'admin']);
    expect(ROLES.filter((r) => can(r, 'contacts.view'))).toEqual([
      'operator', 'senior_operator', 'group_lead', 'quality_specialist', 'cc_manager', 'head_of_center', 'admin',
    ]);
    expect(ROLES.filter((r) => can(r, 'customers.merge'))).toEqual(['senior_operator', 'group_lead', 'admin']);
    expect(ROLES.filter((r) => can(r, 'knowledge.edit'))).toEqual(['senior_operator', 'group_lead', 'cc_manager', 'admin']);
    expect(ROLES.filter((r) => can(r, 'customers.view'))).not.toContain('client_viewer');
  });

  it('gives a client viewer nothing beyond its portal', () => {
    expect(ROLE_PERMISSIONS.client_viewer).toEqual(['client.portal', 'hotlines.view']);
  });

  it('recognises role names', () => {
    expect(isRole('planner')).toBe(true);
    expect(isRole('king')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(AREAS.map((a) => a.id)).toEqual(['desk', 'wallboard', 'quality', 'planning', 'manage', 'client', 'admin']);
  });
});
