import { attendanceId, markId, remarkId } from '../journal/ids';

/**
 * The rows a command writes, known before it runs: the replica keeps its own value of them until acknowledged.
 * attendance.allPresent writes rows that depend on the class list: none is named, and the pull brings the server's.
 */
export function mutationTargets(name: string, args: Record<string, unknown>): { table: string; id: string }[] {
  const lessonId = String(args.lessonId ?? '');
  const studentId = String(args.studentId ?? '');
  switch (name) {
    case 'attendance.mark': return [{ table: 'attendance', id: attendanceId(lessonId, studentId) }];
    case 'journal.setMark': return [{ table: 'marks', id: markId(lessonId, studentId, String(args.kind ?? 'fo')) }];
    case 'journal.setRemark': return [{ table: 'remarks', id: remarkId(lessonId, studentId) }];
    case 'lesson.setTopic':
    case 'lesson.setHomework':
    case 'lesson.setSummative':
    case 'journal.unlockLesson': return [{ table: 'lessons', id: lessonId }];
    default: return [];
  }
}
