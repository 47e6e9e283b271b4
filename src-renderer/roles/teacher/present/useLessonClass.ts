import { useState } from 'react';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { useApi, useOperation } from '../../../api/ApiContext';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';

/**
 * The lesson's class for the board's tools: its pupils (from the journal the host holds), those marked absent in
 * this lesson, and a ФО given in one tap — written to the journal over the version on screen, as from the grid.
 * Not this teacher's journal (a substitution): the tools work without the class.
 */
export function useLessonClass(lesson: LessonView) {
  const client = useApi();
  const { t } = useI18n();
  const sheet = useOperation('journal.sheet', { classId: lesson.class.id, subjectId: lesson.subject.id });
  // The versions this board wrote since the journal was read (the class list stays as it is: the picker keeps its round).
  const [written, setWritten] = useState<Record<string, number>>({});
  const data = sheet.data;
  const absent = new Set((data?.codes ?? []).filter((c) => c.absent).map((c) => c.code));
  const cells = (data?.cells ?? []).filter((c) => c.lessonId === lesson.id);
  const absentIds = cells.filter((c) => c.code?.code && absent.has(c.code.code)).map((c) => c.studentId);
  const onMark = async (studentId: string, value: number) => {
    const version = written[studentId] ?? cells.find((c) => c.studentId === studentId)?.fo?.version ?? 0;
    try {
      const result = await client.invoke('journal.setMark', { lessonId: lesson.id, studentId, value, baseVersion: version });
      setWritten((w) => ({ ...w, [studentId]: result.rowVersion }));
    } catch (err) {
      throw new Error(err instanceof ApiError ? t(err.messageKey, err.params) : t('error.internal'));
    }
  };
  const writable = data?.lessons.find((l) => l.id === lesson.id)?.writable ?? false;
  return { pupils: data?.pupils ?? [], absentIds, onMark: writable ? onMark : undefined };
}
