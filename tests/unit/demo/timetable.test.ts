import { describe, expect, it } from 'vitest';
import { buildSchoolModel, type Row } from '../../../src-core/demo/index';
import { coverageGaps, options, rows, school, timetableClashes } from './fixtures';

describe('demo generator: timetable', () => {
  for (const pupils of [300, 550, 1000, 3000]) {
    it(`${pupils} pupils: clash-free (classes, groups, teachers, rooms) and covering every class's curriculum`, () => {
      const ds = school({ pupils });
      expect(timetableClashes(ds)).toEqual([]);
      expect(coverageGaps(ds)).toEqual([]);
    });
  }

  it('solves for other seeds too', () => {
    for (const seed of [1, 2, 3]) {
      const ds = school({ seed, pupils: 800 });
      expect(timetableClashes(ds)).toEqual([]);
      expect(coverageGaps(ds)).toEqual([]);
    }
  });

  it('the checker finds clashes when there are some', () => {
    const ds = school();
    const entries = rows(ds, 'timetable_entries');
    const a = entries[0] as Row;
    const b = entries.find((e) => e.class_id !== a.class_id && e.shift_id === a.shift_id && e.teacher_id !== a.teacher_id);
    if (!b) throw new Error('no entries');
    const broken = { ...ds, timetable_entries: entries.map((e) => (e === b ? { ...e, teacher_id: a.teacher_id ?? null, weekday: a.weekday ?? null, period: a.period ?? null } : e)) };
    expect(timetableClashes(broken).some((p) => p.startsWith('teacher'))).toBe(true);
    const roomClash = { ...ds, timetable_entries: entries.map((e) => (e === b ? { ...e, room_id: a.room_id ?? null, weekday: a.weekday ?? null, period: a.period ?? null } : e)) };
    expect(timetableClashes(roomClash).some((p) => p.startsWith('room'))).toBe(true);
  });

  it('keeps days compact and within the daily maximum; half-hour subjects in odd weeks at the end of a day', () => {
    const ds = school();
    const classes = new Map(rows(ds, 'classes').map((c) => [c.id, c]));
    const byDay = new Map<string, number[]>();
    for (const e of rows(ds, 'timetable_entries')) {
      const key = `${String(e.class_id)}/${String(e.weekday)}`;
      const list = byDay.get(key) ?? [];
      if (!list.includes(Number(e.period))) list.push(Number(e.period));
      byDay.set(key, list);
    }
    for (const [key, periods] of byDay) {
      const grade = Number(classes.get(key.split('/')[0])?.grade);
      periods.sort((x, y) => x - y);
      expect(periods).toEqual(periods.map((_, i) => i + 1)); // no gaps for pupils
      expect(periods.length).toBeLessThanOrEqual(grade >= 5 ? 7 : grade === 1 ? 5 : 6);
      expect(periods.length).toBeGreaterThanOrEqual(3);
    }
    const halves = rows(ds, 'timetable_entries').filter((e) => e.week_parity !== 'every');
    expect(halves.length).toBeGreaterThan(0);
    for (const h of halves) {
      expect(h.week_parity).toBe('odd');
      expect(Math.max(...(byDay.get(`${String(h.class_id)}/${String(h.weekday)}`) ?? []))).toBe(h.period);
    }
  });

  it('teaches both halves of a split class at once, in two rooms with two teachers', () => {
    const ds = school();
    const groupEntries = rows(ds, 'timetable_entries').filter((e) => e.group_id !== null);
    expect(groupEntries.length).toBeGreaterThan(0);
    const slots = new Map<string, typeof groupEntries>();
    for (const e of groupEntries) {
      const k = `${String(e.class_id)}/${String(e.weekday)}/${String(e.period)}`;
      slots.set(k, [...(slots.get(k) ?? []), e]);
    }
    for (const pair of slots.values()) {
      expect(pair.length).toBe(2);
      const [x, y] = pair as [(typeof pair)[number], (typeof pair)[number]];
      expect(x.group_id).not.toBe(y.group_id);
      expect(x.teacher_id).not.toBe(y.teacher_id);
      expect(x.room_id).not.toBe(y.room_id);
    }
  });

  it('entries agree with their teaching assignments, and PE is in a gym', () => {
    const ds = school();
    const assignments = new Map(rows(ds, 'teaching_assignments').map((a) => [a.id, a]));
    const rooms = new Map(rows(ds, 'rooms').map((r) => [r.id, r]));
    const pe = rows(ds, 'subjects').find((s) => s.code === 'pe')?.id;
    for (const e of rows(ds, 'timetable_entries')) {
      const a = assignments.get(e.assignment_id);
      expect([a?.teacher_id, a?.class_id, a?.group_id, a?.subject_id]).toEqual([e.teacher_id, e.class_id, e.group_id, e.subject_id]);
      if (e.subject_id === pe) expect(rooms.get(e.room_id)?.kind).toBe('gym');
    }
  });

  it('bell times of the two shifts do not overlap', () => {
    const m = buildSchoolModel(options(), 0);
    expect(m.entries.length).toBeGreaterThan(0);
    const ds = school();
    const shifts = new Map(rows(ds, 'shifts').map((s) => [s.id, s.number]));
    const schedules = new Map(rows(ds, 'bell_schedules').map((b) => [b.id, shifts.get(b.shift_id)]));
    const periods = rows(ds, 'bell_periods');
    const last1 = periods.filter((p) => schedules.get(p.bell_schedule_id) === 1).map((p) => String(p.ends_at)).sort().at(-1) as string;
    const first2 = periods.filter((p) => schedules.get(p.bell_schedule_id) === 2).map((p) => String(p.starts_at)).sort()[0] as string;
    expect(last1 < first2).toBe(true);
  });
});
