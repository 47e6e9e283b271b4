import type { z } from 'zod';
import { excuseAbsences } from '../class-teacher/excuse';
import { classSummary } from '../class-teacher/summary';
import { diaryHandlers } from '../diary/handlers';
import { myChildren } from '../family/children';
import { gradingTermMark } from '../grading/query';
import { markAllPresent, markAttendance } from '../journal/attendance';
import { cellHistory } from '../journal/history';
import { listJournals } from '../journal/list';
import { setRemark } from '../journal/remarks';
import { journalRules, setJournalRules } from '../journal/set-rules';
import { journalSheet } from '../journal/sheet';
import { setSummative } from '../lessons/summative';
import { unlockLesson } from '../lessons/unlock';
import { setMark } from '../journal/marks';
import { setLessonHomework, setLessonTopic } from '../lessons/set-topic';
import { sessionMe } from '../school/me';
import { schoolClasses, schoolOverview, schoolSubjects } from '../school/overview';
import { syncStatus } from '../sync/status';
import { studentDay, teacherDay } from '../timetable/queries';
import { plansHandlers } from '../plans/handlers';
import { resourcesHandlers } from '../resources/handlers';
import { reportsHandlers } from '../reports/handlers';
import { listUsers } from '../users/list';
import type { HandlerContext } from './call';
import { OperationError } from './errors';
import type { OperationName, Operations, OutputOf } from './operations';

export type Handler<N extends OperationName> = (ctx: HandlerContext, input: z.output<Operations[N]['input']>) => Promise<OutputOf<N>>;

/** Each operation of the contract is implemented once, here by name; the type makes the list exhaustive. */
export const handlers: { [N in OperationName]: Handler<N> } = {
  'session.me': sessionMe,
  'timetable.teacherDay': teacherDay,
  'timetable.studentDay': studentDay,
  'family.myChildren': myChildren,
  'school.overview': schoolOverview,
  'school.classes': schoolClasses,
  'school.subjects': schoolSubjects,
  'users.list': listUsers,
  'lesson.setTopic': setLessonTopic,
  'attendance.mark': markAttendance,
  'journal.setMark': setMark,
  'grading.termMark': gradingTermMark,
  'journal.list': listJournals,
  'journal.sheet': journalSheet,
  'journal.setRemark': setRemark,
  'attendance.allPresent': markAllPresent,
  'lesson.setHomework': setLessonHomework,
  'lesson.setSummative': setSummative,
  'journal.cellHistory': cellHistory,
  'journal.unlockLesson': unlockLesson,
  'journal.rules': journalRules,
  'journal.setRules': setJournalRules,
  'classTeacher.summary': classSummary,
  'attendance.excuse': excuseAbsences,
  ...diaryHandlers,
  ...reportsHandlers,
  ...plansHandlers,
  ...resourcesHandlers,
  'sync.status': syncStatus,
  // The desktop client decides its conflicts itself (src-main/app/resolve.ts): a new change goes to its outbox.
  'sync.resolve': async () => { throw new OperationError('unknown_operation', 'error.device_only'); },
};
