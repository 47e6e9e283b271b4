import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../../src-core/contract/operations';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { patchCell, patchLesson, type Change, type Column, type Sheet } from './model';

type SheetInput = InputOf<'journal.sheet'>;

export interface JournalState {
  sheet: Sheet | null;
  loading: boolean;
  /** The sheet could not be read. */
  loadError: ApiError | null;
  /** The last write the server (or the replica) refused: shown near the grid; the cell kept its value. */
  writeError: ApiError | null;
  dismissError: () => void;
  /** `reason`: why a lesson open only by an unlock is changed (sent with the change, kept in the cell's history). */
  setMark: (column: Column, studentId: string, value: number | null, reason?: string) => Promise<void>;
  setCode: (lessonId: string, studentId: string, code: string | null, reason?: string) => Promise<void>;
  /** The remark on a pupil in a lesson, or null to clear it. */
  setRemark: (lessonId: string, studentId: string, text: string | null) => Promise<boolean>;
  /** Writes of a lesson (its panel): each answers the refusal, or null when it was written. */
  setTopic: (lessonId: string, topic: string) => Promise<ApiError | null>;
  setHomework: (lessonId: string, homework: string | null) => Promise<ApiError | null>;
  setSummative: (input: InputOf<'lesson.setSummative'>) => Promise<ApiError | null>;
  unlockLesson: (input: InputOf<'journal.unlockLesson'>) => Promise<ApiError | null>;
  allPresent: (lessonId: string) => Promise<number | null>;
  undo: () => Promise<void>;
  canUndo: boolean;
}

const findCell = (sheet: Sheet | null, lessonId: string, studentId: string) => sheet?.cells.find((c) => c.lessonId === lessonId && c.studentId === studentId);
const toApiError = (err: unknown) => (err instanceof ApiError ? err : unreachable());

/**
 * One journal page: read with journal.sheet, written cell by cell (each answer patches the cell at once, then the
 * page is read again for the term marks), with the teacher's own changes kept to be undone.
 */
export function useJournal(input: SheetInput | null): JournalState {
  const api = useApi();
  const key = input ? JSON.stringify(input) : null;
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [writeError, setWriteError] = useState<ApiError | null>(null);
  const [undoStack, setUndoStack] = useState<Change[]>([]);
  const [shownKey, setShownKey] = useState(key);
  const asked = useRef(0);

  // Another journal or period: nothing of the previous page stays (its cells must not be written by mistake).
  if (shownKey !== key) {
    setShownKey(key);
    setSheet(null);
    setLoadError(null);
    setUndoStack([]);
    setWriteError(null);
  }

  // An answer to an older request never replaces a newer one.
  const read = useCallback(() => {
    if (!key) return Promise.resolve();
    const n = ++asked.current;
    return api.invoke('journal.sheet', JSON.parse(key) as SheetInput).then(
      (data) => { if (n === asked.current) { setSheet(data); setLoadError(null); setLoadedKey(key); } },
      (err: unknown) => { if (n === asked.current) { setLoadError(toApiError(err)); setLoadedKey(key); } },
    );
  }, [api, key]);

  useEffect(() => { void read(); }, [read]);

  const writeMark = useCallback(async (lessonId: string, studentId: string, part: 'fo' | 'sor' | 'soch', value: number | null, remember: boolean, reason?: string) => {
    const cell = findCell(sheet, lessonId, studentId);
    const held = part === 'fo' ? cell?.fo : cell?.score;
    if ((held?.value ?? null) === value) return;
    try {
      const out = await api.invoke('journal.setMark', { lessonId, studentId, kind: part, value, baseVersion: held?.version ?? 0, ...(reason ? { reason } : {}) });
      setWriteError(null);
      const patched = { value: out.value, version: out.rowVersion };
      setSheet((s) => (s ? { ...s, cells: patchCell(s.cells, lessonId, studentId, part === 'fo' ? { fo: patched } : { score: patched }) } : s));
      if (remember) setUndoStack((u) => [...u, { lessonId, studentId, part, before: held?.value ?? null, ...(reason ? { reason } : {}) }]);
      void read();
    } catch (err) {
      setWriteError(toApiError(err));
    }
  }, [api, read, sheet]);

  const writeCode = useCallback(async (lessonId: string, studentId: string, code: string | null, remember: boolean, reason?: string) => {
    const cell = findCell(sheet, lessonId, studentId);
    if ((cell?.code?.code ?? null) === code) return;
    try {
      const out = await api.invoke('attendance.mark', { lessonId, studentId, code, ...(reason ? { reason } : {}) });
      setWriteError(null);
      setSheet((s) => (s ? { ...s, cells: patchCell(s.cells, lessonId, studentId, { code: { code: out.code, version: out.rowVersion } }) } : s));
      if (remember) setUndoStack((u) => [...u, { lessonId, studentId, part: 'attendance', before: cell?.code?.code ?? null, ...(reason ? { reason } : {}) }]);
      void read();
    } catch (err) {
      setWriteError(toApiError(err));
    }
  }, [api, read, sheet]);

  const setMark = useCallback((column: Column, studentId: string, value: number | null, reason?: string) => {
    const part = column.kind === 'fo' ? 'fo' : column.lesson.summative!.kind;
    return writeMark(column.lesson.id, studentId, part, value, true, reason);
  }, [writeMark]);

  const setCode = useCallback((lessonId: string, studentId: string, code: string | null, reason?: string) => writeCode(lessonId, studentId, code, true, reason), [writeCode]);

  const setRemark = useCallback(async (lessonId: string, studentId: string, text: string | null) => {
    const cell = findCell(sheet, lessonId, studentId);
    if ((cell?.remark ?? null) === text) return true;
    try {
      const out = await api.invoke('journal.setRemark', { lessonId, studentId, text });
      setWriteError(null);
      // A remark changes no term mark: its answer is all the page needs (no re-read to race with it).
      setSheet((s) => (s ? { ...s, cells: patchCell(s.cells, lessonId, studentId, { remark: out.text }) } : s));
      return true;
    } catch (err) {
      setWriteError(toApiError(err));
      return false;
    }
  }, [api, sheet]);

  // A lesson's write: its answer patches the lesson at once; a summative work or an unlock also changes the term
  // marks and the lock, so the page is then read again.
  const lessonWrite = useCallback(async (write: () => Promise<Partial<Sheet['lessons'][number]> & { lessonId: string }>, reread: boolean) => {
    try {
      const { lessonId, ...patch } = await write();
      setSheet((s) => (s ? { ...s, lessons: patchLesson(s.lessons, lessonId, patch) } : s));
      if (reread) await read();
      return null;
    } catch (err) {
      return toApiError(err);
    }
  }, [read]);

  const setTopic = useCallback((lessonId: string, topic: string) => lessonWrite(async () => {
    const out = await api.invoke('lesson.setTopic', { lessonId, topic });
    return { lessonId, topic: out.topic };
  }, false), [api, lessonWrite]);

  const setHomework = useCallback((lessonId: string, homework: string | null) => lessonWrite(async () => {
    const out = await api.invoke('lesson.setHomework', { lessonId, homework });
    return { lessonId, homework: out.homework };
  }, false), [api, lessonWrite]);

  const setSummative = useCallback((input: InputOf<'lesson.setSummative'>) => lessonWrite(async () => {
    const out = await api.invoke('lesson.setSummative', input);
    return { lessonId: input.lessonId, summative: out.kind && out.maxScore !== null ? { kind: out.kind, max: out.maxScore, title: input.title ?? null } : null };
  }, true), [api, lessonWrite]);

  const unlockLesson = useCallback((input: InputOf<'journal.unlockLesson'>) => lessonWrite(async () => {
    const out = await api.invoke('journal.unlockLesson', input);
    return { lessonId: input.lessonId, unlockedUntil: out.unlockedUntil };
  }, true), [api, lessonWrite]);

  const allPresent = useCallback(async (lessonId: string) => {
    try {
      const out = await api.invoke('attendance.allPresent', { lessonId });
      setWriteError(null);
      await read();
      return out.recorded;
    } catch (err) {
      setWriteError(toApiError(err));
      return null;
    }
  }, [api, read]);

  // The previous value is written again over the version the cell holds now (its answer or the re-read sheet).
  const undo = useCallback(async () => {
    const last = undoStack.at(-1);
    if (!last) return;
    setUndoStack((u) => u.slice(0, -1));
    if (last.part === 'attendance') await writeCode(last.lessonId, last.studentId, last.before, false, last.reason);
    else await writeMark(last.lessonId, last.studentId, last.part, last.before, false, last.reason);
  }, [undoStack, writeCode, writeMark]);

  return {
    sheet, loading: loadedKey !== key, loadError, writeError, dismissError: () => setWriteError(null),
    setMark, setCode, setRemark, setTopic, setHomework, setSummative, unlockLesson, allPresent, undo, canUndo: undoStack.length > 0,
  };
}
