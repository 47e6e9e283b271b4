import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layOutPlan, lessonsFor, type LayoutLesson, type LayoutTopic } from '../../../src-core/plans/lay-out';

const RUNS = { numRuns: 300 };
const day = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10);

const topics = fc.array(fc.integer({ min: 1, max: 8 }).map((halves) => halves / 2), { maxLength: 25 })
  .chain((hours) => fc.shuffledSubarray(hours.map((h, i): LayoutTopic => ({ id: `t${i + 1}`, position: i + 1, hours: h })), { minLength: hours.length }));
const lessons = fc.array(fc.record({ day: fc.integer({ min: 0, max: 90 }), period: fc.integer({ min: 1, max: 7 }), cancelled: fc.boolean() }), { maxLength: 60 })
  .map((ls) => ls.map((l, i): LayoutLesson => ({ id: `l${String(i).padStart(3, '0')}`, date: day(l.day), period: l.period, status: l.cancelled ? 'cancelled' : 'planned' })));
const holidays = fc.array(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 9 })).map(([s, len]) => ({ startsOn: day(s), endsOn: day(s + len) })), { maxLength: 3 });
const from = fc.integer({ min: 0, max: 40 }).map(day);

const usableOf = (ls: LayoutLesson[], f: string, hs: { startsOn: string; endsOn: string }[]) =>
  ls.filter((l) => l.date >= f && l.status !== 'cancelled' && !hs.some((h) => h.startsOn <= l.date && l.date <= h.endsOn))
    .sort((a, b) => a.date.localeCompare(b.date) || a.period - b.period || a.id.localeCompare(b.id));

describe('laying a plan onto the lessons', () => {
  it('gives each lesson at most one topic, keeps the plan\'s order, one lesson per hour, and accounts for every hour and lesson', () => {
    fc.assert(fc.property(topics, lessons, holidays, from, (ts, ls, hs, f) => {
      const layout = layOutPlan(ts, ls, { from: f, holidays: hs });
      const usable = usableOf(ls, f, hs);
      const lessonIds = layout.assignments.map((a) => a.lessonId);
      // Every lesson at most one topic, and only usable lessons (from the date on, not cancelled, not on a holiday).
      expect(new Set(lessonIds).size).toBe(lessonIds.length);
      expect(lessonIds).toEqual(usable.slice(0, lessonIds.length).map((l) => l.id));
      // The plan's order: positions never go back along the lessons, and a topic's hours count 1, 2, …
      for (let i = 1; i < layout.assignments.length; i++) {
        const [a, b] = [layout.assignments[i - 1]!, layout.assignments[i]!];
        expect(b.position >= a.position).toBe(true);
        expect(b.hour).toBe(b.position === a.position ? a.hour + 1 : 1);
      }
      // Hours respected: a topic gets exactly its lessons, or all that were left and is reported with what it misses.
      const needed = [...ts].sort((a, b) => a.position - b.position).map((t) => lessonsFor(t.hours));
      const total = needed.reduce((a, b) => a + b, 0);
      expect(layout.assignments.length).toBe(Math.min(total, usable.length));
      for (const t of ts) {
        const got = layout.assignments.filter((a) => a.topicId === t.id).length;
        const missing = layout.unplaced.find((u) => u.topicId === t.id)?.missing ?? 0;
        expect(got + missing).toBe(lessonsFor(t.hours));
      }
      expect(layout.unplaced.reduce((n, u) => n + u.missing, 0)).toBe(Math.max(0, total - usable.length));
      expect(layout.spareLessons).toEqual(usable.slice(layout.assignments.length).map((l) => l.id));
    }), RUNS);
  });

  it('lays a 2-hour topic on two lessons, skips the break and a cancelled lesson, and says what did not fit', () => {
    const ls: LayoutLesson[] = [
      { id: 'a', date: '2026-10-20', period: 2, status: 'planned' },
      { id: 'b', date: '2026-10-20', period: 1, status: 'planned' },
      { id: 'c', date: '2026-10-22', period: 1, status: 'cancelled' },
      { id: 'd', date: '2026-10-27', period: 1, status: 'planned' }, // autumn break
      { id: 'e', date: '2026-11-03', period: 1, status: 'held' },
    ];
    const layout = layOutPlan([{ id: 'x', position: 1, hours: 2 }, { id: 'y', position: 2, hours: 1.5 }], ls, { from: '2026-10-01', holidays: [{ startsOn: '2026-10-26', endsOn: '2026-11-01' }] });
    expect(layout.assignments.map((a) => [a.lessonId, a.topicId, a.hour])).toEqual([['b', 'x', 1], ['a', 'x', 2], ['e', 'y', 1]]);
    expect(layout.unplaced).toEqual([{ topicId: 'y', position: 2, missing: 1 }]);
    expect(layout.spareLessons).toEqual([]);
  });
});
