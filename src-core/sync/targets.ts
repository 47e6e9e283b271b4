import { attendanceId, markId } from '../journal/ids';

/** The rows a command writes, known before it runs: the replica keeps its own value of them until acknowledged. */
export function mutationTargets(name: string, args: Record<string, unknown>): { table: string; id: string }[] {
  const lessonId = String(args.lessonId ?? '');
  const studentId = String(args.studentId ?? '');
  switch (name) {
    case 'attendance.mark': return [{ table: 'attendance', id: attendanceId(lessonId, studentId) }];
    case 'journal.setMark': return [{ table: 'marks', id: markId(lessonId, studentId, 'fo') }];
    case 'lesson.setTopic': return [{ table: 'lessons', id: lessonId }];
    default: return [];
  }
}
