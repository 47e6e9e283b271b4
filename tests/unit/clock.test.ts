import { describe, expect, it } from 'vitest';
import { addDays, clockFrom, dateIn, isoWeekday } from '../../src-core/util/clock';

describe('school dates', () => {
  it("take the school's time zone, not the server's", () => {
    // 20:30 UTC on Sunday is already Monday in Kyzylorda (UTC+5).
    expect(dateIn('Asia/Qyzylorda', new Date('2026-11-22T20:30:00Z'))).toBe('2026-11-23');
    expect(dateIn('Asia/Qyzylorda', new Date('2026-11-22T18:30:00Z'))).toBe('2026-11-22');
  });
  it('know weekdays and add days across months', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('can be fixed for demos and tests, and refuse nonsense', () => {
    expect(clockFrom('2026-11-23T09:00:00+05:00', false).now().toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(() => clockFrom('yesterday')).toThrow();
  });
});
