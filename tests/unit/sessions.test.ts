import { describe, expect, it } from 'vitest';
import { SessionRegistry, sessionState } from '../../src-main/app/sessions';

const actor = { userId: 'u', personId: 'p', schoolId: 's', roles: ['teacher' as const], deviceId: 'd' };

describe('idle lock', () => {
  it('locks only after the idle limit, and stays locked', () => {
    expect(sessionState({ locked: false, lastActivityMs: 0 }, 600_000, 600_000)).toBe('active');
    expect(sessionState({ locked: false, lastActivityMs: 0 }, 600_001, 600_000)).toBe('locked');
    expect(sessionState({ locked: true, lastActivityMs: 600_000 }, 600_000, 600_000)).toBe('locked');
  });

  it('activity keeps a session open; idleness closes it until unlocked', () => {
    let now = 0;
    const reg = new SessionRegistry(10_000, () => now);
    const s = reg.open({ actor, login: 't', offline: false, server: null });
    now = 9_000;
    expect(reg.use(s.id)?.state).toBe('active');
    now = 18_000;
    expect(reg.use(s.id)?.state).toBe('active');
    now = 40_000;
    expect(reg.use(s.id)?.state).toBe('locked');
    reg.unlock(s.id);
    expect(reg.use(s.id)?.state).toBe('active');
    expect(reg.close(s.id)).toBeDefined();
    expect(reg.use(s.id)).toBeNull();
  });

  it("the screen's own polling is nobody's activity: the session still locks", () => {
    let now = 0;
    const reg = new SessionRegistry(10_000, () => now);
    const s = reg.open({ actor, login: 't', offline: false, server: null });
    for (now = 5_000; now <= 10_000; now += 5_000) expect(reg.use(s.id, false)?.state).toBe('active');
    now = 10_001;
    expect(reg.use(s.id, false)?.state).toBe('locked');
  });
});
