/** A topic of a plan as the lay-out needs it: its place in the plan and its hours. */
export interface LayoutTopic { id: string; position: number; hours: number }

/** A dated lesson of the timetable. */
export interface LayoutLesson { id: string; date: string; period: number; status: string }

export interface LayoutAssignment { lessonId: string; topicId: string; position: number; /** 1 … the topic's lessons */ hour: number }

export interface Layout {
  /** In the order of the lessons. */
  assignments: LayoutAssignment[];
  /** Topics that got fewer lessons than their hours ask (the plan has more hours than the timetable lessons). */
  unplaced: { topicId: string; position: number; missing: number }[];
  /** Lessons from the start date on that no topic reached, in order. */
  spareLessons: string[];
}

/** The lessons a topic takes: one per hour, a half hour rounding up, never none. */
export const lessonsFor = (hours: number) => Math.max(1, Math.ceil(hours - 1e-9));

/**
 * Lays a plan's topics onto a class's lessons from a date: in the plan's order, one lesson per hour, skipping
 * cancelled lessons and lessons on a holiday of the class (the timetable makes none, but a break may be added
 * after the lessons were made). Each lesson takes at most one topic.
 */
export function layOutPlan(
  topics: readonly LayoutTopic[],
  lessons: readonly LayoutLesson[],
  options: { from: string; holidays: readonly { startsOn: string; endsOn: string }[] },
): Layout {
  const onHoliday = (date: string) => options.holidays.some((h) => h.startsOn <= date && date <= h.endsOn);
  const usable = lessons
    .filter((l) => l.date >= options.from && l.status !== 'cancelled' && !onHoliday(l.date))
    .sort((a, b) => a.date.localeCompare(b.date) || a.period - b.period || a.id.localeCompare(b.id));
  const ordered = [...topics].sort((a, b) => a.position - b.position);
  const assignments: LayoutAssignment[] = [];
  const unplaced: Layout['unplaced'] = [];
  let next = 0;
  for (const topic of ordered) {
    const need = lessonsFor(topic.hours);
    for (let hour = 1; hour <= need; hour++) {
      const lesson = usable[next];
      if (!lesson) {
        unplaced.push({ topicId: topic.id, position: topic.position, missing: need - hour + 1 });
        break;
      }
      assignments.push({ lessonId: lesson.id, topicId: topic.id, position: topic.position, hour });
      next++;
    }
  }
  return { assignments, unplaced, spareLessons: usable.slice(next).map((l) => l.id) };
}
