import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, permissionsOf } from '../../src-core/auth/roles';
import { checkAccess } from '../../src-core/contract/call';
import { operations, OPERATION_NAMES } from '../../src-core/contract/operations';

const actor = (roles: (typeof ROLES)[number][]) => ({ userId: 'u', personId: 'p', schoolId: 's', roles, deviceId: null });

describe('roles and permissions', () => {
  it('every permission of a role exists, and every permission belongs to some role', () => {
    const granted = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const p of granted) expect(PERMISSIONS).toContain(p);
    for (const p of PERMISSIONS) expect(granted.has(p), p).toBe(true);
  });

  it('several roles add up', () => {
    expect(permissionsOf(['teacher', 'parent'])).toEqual(expect.arrayContaining(['timetable.readOwn', 'family.readChildren']));
    expect(permissionsOf([])).toEqual([]);
  });

  it('denies by default: a pupil or a parent reaches no staff operation', () => {
    for (const name of OPERATION_NAMES) {
      const access = operations[name].access;
      if (access === 'public' || access === 'signedIn') continue;
      const staffOnly = !['diary.readOwn', 'family.readChildren'].includes(access.permission);
      if (staffOnly) {
        expect(() => checkAccess(access, actor(['student', 'parent'])), name).toThrow();
      }
      expect(() => checkAccess(access, null), name).toThrow();
    }
  });

  it('every operation names its access, and no operation is public without a reason', () => {
    const publicWithReason: Record<string, string> = {
      'grading.termMark': 'a calculator over the marks it is sent: it reads and writes no data',
    };
    for (const name of OPERATION_NAMES) {
      if (operations[name].access === 'public') expect(publicWithReason[name], name).toBeDefined();
    }
  });
});
