import { describe, expect, it } from 'vitest';
import { can, ROLES } from '../../src/index.ts';

describe('who works cases', () => {
  it('desk roles work cases; the manager configures SLA; the head only reads', () => {
    expect(ROLES.filter((r) => can(r, 'cases.edit'))).toEqual(['operator', 'senior_operator', 'group_lead', 'admin']);
    expect(ROLES.filter((r) => can(r, 'cases.manage'))).toEqual(['cc_manager', 'admin']);
    expect(ROLES.filter((r) => can(r, 'cases.notify'))).toEqual(['group_lead', 'cc_manager', 'admin']);
    expect(can('head_of_center', 'cases.view')).toBe(true);
    expect(can('client_viewer', 'cases.view')).toBe(false);
  });
});
