import { describe, expect, it } from 'vitest';
import { ROLES, can } from '../../src/index.ts';

// Who does what in quality control (issue 6): the matrix must say it, the server only checks it.
describe('quality permissions', () => {
  const holders = (p: Parameters<typeof can>[1]) => ROLES.filter((r) => can(r, p));

  it('lets specialists design scorecards and plans; nobody on the desk does', () => {
    expect(holders('quality.manage')).toEqual(['quality_specialist', 'admin']);
  });

  it('lets specialists and group leads evaluate and calibrate', () => {
    expect(holders('quality.evaluate')).toEqual(['group_lead', 'quality_specialist', 'admin']);
  });

  it('lets group leads, specialists and the head resolve disputes; never operators', () => {
    expect(holders('quality.resolve')).toEqual(['group_lead', 'quality_specialist', 'head_of_center', 'admin']);
    expect(can('operator', 'quality.use')).toBe(false);
    expect(can('senior_operator', 'quality.resolve')).toBe(false);
  });
});
