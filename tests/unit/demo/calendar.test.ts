import { describe, expect, it } from 'vitest';
import { academicCalendar, weekParity } from '../../../src-core/demo/index';
import { isoWeekday, rows, school } from './fixtures';

describe('demo generator: calendar and lessons', () => {
  it('takes the academic year containing today (June–August: the coming one)', () => {
    expect(academicCalendar('2026-11-23').name).toBe('2026-2027');
    expect(academicCalendar('2027-03-01').name).toBe('2026-2027');
    expect(academicCalendar('2026-07-15').name).toBe('2026-2027');
    expect(academicCalendar('2026-05-20').name).toBe('2025-2026');
    // 1 September 2024 was a Sunday: the year starts on Monday 2 September.
    expect(academicCalendar('2024-10-01').startsOn).toBe('2024-09-02');
    const cal = academicCalendar('2025-12-01');
    expect(cal.startsOn).toBe('2025-09-01');
    expect(cal.endsOn).toBe('2026-05-25');
    const find = (key: string) => cal.holidays.find((h) => h.key === key);
    expect([find('autumn')?.startsOn, find('autumn')?.endsOn]).toEqual(['2025-10-27', '2025-11-02']);
    expect([find('winter')?.startsOn, find('winter')?.endsOn]).toEqual(['2025-12-29', '2026-01-07']);
    expect([find('grade1')?.startsOn, find('grade1')?.endsOn, find('grade1')?.grades]).toEqual(['2026-02-09', '2026-02-15', [1]]);
    expect([find('spring')?.startsOn, find('spring')?.endsOn]).toEqual(['2026-03-19', '2026-03-29']);
    expect(cal.terms.map((t) => t.number)).toEqual([1, 2, 3, 4]);
  });

  it('stores the year with its quarters, breaks, holidays and assessment settings', () => {
    const ds = school();
    const year = rows(ds, 'academic_years')[0];
    expect(year).toMatchObject({ name: '2026-2027', starts_on: '2026-09-01', ends_on: '2027-05-25', days_per_week: 5 });
    const settings = JSON.parse(String(year?.settings));
    expect(settings.assessment.weights).toEqual({ formative: 25, summativeSection: 25, summativeTerm: 50 });
    expect(settings.assessment.scale.map((s: { mark: number }) => s.mark)).toEqual([2, 3, 4, 5]);
    expect(rows(ds, 'terms').map((t) => t.kind)).toEqual(['quarter', 'quarter', 'quarter', 'quarter']);
    const holidays = rows(ds, 'holidays');
    for (const h of holidays) for (const col of ['name_kk', 'name_ru', 'name_en']) expect(String(h[col]).length).toBeGreaterThan(3);
    expect(holidays.find((h) => h.grades !== null)?.grades).toBe('[1]');
    // Public holidays are kept only where they fall on school days: 16 Dec 2026 (Wed), 8 Mar 2027 (Mon), 7 May 2027 (Fri).
    expect(holidays.filter((h) => h.kind === 'public_holiday').map((h) => h.starts_on)).toEqual(['2026-12-16', '2027-03-08', '2027-05-07']);
  });

  it('dates lessons on school days only: no weekends, breaks or holidays; grade 1 also off in its February week', () => {
    const ds = school();
    const classes = new Map(rows(ds, 'classes').map((c) => [c.id, c]));
    const holidays = rows(ds, 'holidays');
    const off = (date: string, grade: number): boolean =>
      holidays.some((h) => date >= String(h.starts_on) && date <= String(h.ends_on) && (h.grades === null || (JSON.parse(String(h.grades)) as number[]).includes(grade)));
    const bad: string[] = [];
    const daysByGrade = new Map<number, Set<string>>();
    for (const l of rows(ds, 'lessons')) {
      const date = String(l.date);
      const grade = Number(classes.get(l.class_id)?.grade);
      if (isoWeekday(date) > 5 || off(date, grade) || date < '2026-09-01' || date > '2027-05-25') bad.push(`${date} grade ${grade}`);
      const set = daysByGrade.get(grade) ?? new Set();
      set.add(date);
      daysByGrade.set(grade, set);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    const g1 = daysByGrade.get(1) as Set<string>;
    const g2 = daysByGrade.get(2) as Set<string>;
    expect(g1.has('2027-02-10')).toBe(false);
    expect(g2.has('2027-02-10')).toBe(true);
    expect(g2.has('2026-10-28')).toBe(false); // autumn break
    expect(g2.has('2026-12-16')).toBe(false); // Independence Day
    expect(g2.has('2026-09-01')).toBe(true);
    // Every school day has lessons (counted here from the holiday rows: 168 days in 2026-2027, 163 for grade 1).
    const schoolDays = (grade: number): number => {
      let n = 0;
      for (let t = Date.parse('2026-09-01T00:00:00Z'); t <= Date.parse('2027-05-25T00:00:00Z'); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        if (isoWeekday(date) <= 5 && !off(date, grade)) n++;
      }
      return n;
    };
    expect(g2.size).toBe(schoolDays(2));
    expect(g1.size).toBe(schoolDays(1));
    expect(g1.size).toBe(g2.size - 5);
    for (const c of rows(ds, 'classes')) {
      const days = new Set(rows(ds, 'lessons').filter((l) => l.class_id === c.id).map((l) => l.date));
      expect(days.size).toBe(schoolDays(Number(c.grade)));
    }
  });

  it('gives lessons the bell times of their period, status planned, no topic; half-hour entries in odd weeks only', () => {
    const ds = school();
    const cal = academicCalendar('2026-11-23');
    const entries = new Map(rows(ds, 'timetable_entries').map((e) => [e.id, e]));
    const schedules = new Map(rows(ds, 'bell_schedules').map((b) => [b.id, b.shift_id]));
    const bells = new Map(rows(ds, 'bell_periods').map((p) => [`${String(schedules.get(p.bell_schedule_id))}/${String(p.period)}`, p]));
    const bad: string[] = [];
    let odd = 0;
    for (const l of rows(ds, 'lessons')) {
      const e = entries.get(l.timetable_entry_id);
      const bell = bells.get(`${String(e?.shift_id)}/${String(l.period)}`);
      if (!e || !bell || l.starts_at !== bell.starts_at || l.ends_at !== bell.ends_at || l.status !== 'planned' || l.topic !== null
        || l.teacher_id !== e.teacher_id || l.class_id !== e.class_id || l.group_id !== e.group_id || l.room_id !== e.room_id
        || isoWeekday(String(l.date)) !== e.weekday) bad.push(String(l.id));
      if (e?.week_parity === 'odd') {
        odd++;
        if (weekParity(cal, String(l.date)) !== 'odd') bad.push(`even-week ${String(l.id)}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(odd).toBeGreaterThan(0);
  });
});
