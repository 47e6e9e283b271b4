import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { catalogs } from '../../../../src-core/i18n';
import { useOperation } from '../../../api/ApiContext';
import { Empty, ErrorNotice, Loading } from '../../../components/Panels';
import { useI18n } from '../../../i18n/I18n';
import type { ViewProps } from '../../../shell/views';
import { useSyncStatus } from '../../../sync/useSyncStatus';
import '../../../styles/journal.css';
import { CellEditor } from './CellEditor';
import { LessonPanel } from './LessonPanel';
import { needsReason, reasonOf } from './lesson';
import { HistoryPanel } from './HistoryPanel';
import { JournalGrid, type Focus, type GridHandle } from './JournalGrid';
import { ReportButtons } from '../../../reports/ReportButtons';
import { journalId, JournalPicker } from './JournalPicker';
import { actionOf, codeKeys, commitPending, moveFocus, typeDigit } from './keys';
import { cellIndex, cellKey, columnsOf, conflictsByCell, rangeOf, type Lesson } from './model';
import { useJournal } from './useJournal';

/** "1" waits this long for a "0" (10) before it is written as 1. */
const DIGIT_WAIT_MS = 700;
const CODE_ALIASES = Object.values(catalogs).map((c) => c['journal.codeKeys'] ?? '');

/** The teacher's class journal: pick a journal and a period, then fill the page from the keyboard (or by touch). */
export default function JournalView({ me }: ViewProps) {
  const { t } = useI18n();
  const list = useOperation('journal.list', {});
  const journals = useMemo(() => {
    const all = list.data?.journals ?? [];
    return [...all.filter((j) => j.mine), ...all.filter((j) => !j.mine)];
  }, [list.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [period, setPeriod] = useState<number | undefined>(undefined);
  const current = journals.find((j) => journalId(j) === chosen) ?? journals[0] ?? null;
  const input = current ? { classId: current.class.id, subjectId: current.subject.id, groupId: current.group?.id ?? null, ...(period ? { period } : {}) } : null;
  const journal = useJournal(input);
  const sync = useSyncStatus();
  const { sheet } = journal;

  const columns = useMemo(() => columnsOf(sheet?.lessons ?? []), [sheet?.lessons]);
  const cells = useMemo(() => cellIndex(sheet?.cells ?? []), [sheet?.cells]);
  const conflicts = useMemo(() => conflictsByCell(sync.data?.problems), [sync.data?.problems]);
  const keys = useMemo(() => codeKeys((sheet?.codes ?? []).map((c) => c.code), CODE_ALIASES), [sheet?.codes]);

  const [focus, setFocus] = useState<Focus>({ row: 0, col: 0 });
  const [pending, setPending] = useState('');
  const [history, setHistory] = useState<{ lessonId: string; studentId: string; title: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lessonPanel, setLessonPanel] = useState<string | null>(null);
  /** The reason typed for each lesson open only by an unlock (kept while the page is open). */
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonInput = useRef<HTMLInputElement>(null);
  const grid = useRef<GridHandle>(null);
  const focusRef = useRef(focus);
  useEffect(() => { focusRef.current = focus; }, [focus]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A new page starts at its first pupil and the lesson of today (or the last one before it).
  const page = sheet ? `${sheet.class.id}|${sheet.subject.id}|${sheet.group?.id ?? ''}|${sheet.period.number}` : null;
  const [focusedPage, setFocusedPage] = useState<string | null>(null);
  if (sheet && page !== focusedPage) {
    let col = 0;
    columns.forEach((c, i) => { if (c.kind === 'fo' && c.lesson.date <= sheet.today) col = i; });
    setFocusedPage(page);
    setFocus({ row: 0, col });
    setPending('');
  }
  useEffect(() => {
    if (page) requestAnimationFrame(() => grid.current?.reveal(focusRef.current));
  }, [page]);

  const column = columns[focus.col];
  const pupil = sheet?.pupils[focus.row];

  /**
   * The reason to send with a change of a lesson: undefined when none is needed; null when one is needed and not
   * written yet (the change is not sent, the reason field asks for it).
   */
  const reasonFor = useCallback((lesson: Lesson): string | undefined | null => {
    if (!sheet || !needsReason(lesson, sheet.today, sheet.editingDays)) return undefined;
    const why = reasonOf(reasons[lesson.id]);
    if (why) return why;
    setReasonMissing(true);
    reasonInput.current?.focus();
    return null;
  }, [sheet, reasons]);

  const writeValue = useCallback((at: Focus, value: number | null) => {
    const c = columns[at.col];
    const p = sheet?.pupils[at.row];
    if (!c || !p || !c.lesson.writable) return;
    const reason = reasonFor(c.lesson);
    if (reason !== null) void journal.setMark(c, p.id, value, reason);
  }, [columns, sheet, journal, reasonFor]);

  const writeCode = useCallback((lesson: Lesson, studentId: string, code: string | null) => {
    if (!lesson.writable) return;
    const reason = reasonFor(lesson);
    if (reason !== null) void journal.setCode(lesson.id, studentId, code, reason);
  }, [journal, reasonFor]);

  const flush = useCallback((at: Focus, text: string) => {
    if (timer.current) { clearTimeout(timer.current); timer.current = null; }
    setPending('');
    const c = columns[at.col];
    const value = c ? commitPending(text, rangeOf(c)) : null;
    if (value !== null) writeValue(at, value);
  }, [columns, writeValue]);

  const go = useCallback((next: Focus | null) => {
    if (!next) return;
    setFocus(next);
    grid.current?.reveal(next);
  }, []);

  const openHistory = useCallback(() => {
    if (!column || !pupil) return;
    setHistory({ lessonId: column.lesson.id, studentId: pupil.id, title: t('journal.historyTitle', { name: `${pupil.lastName} ${pupil.firstName}`, date: `${column.lesson.date.slice(8, 10)}.${column.lesson.date.slice(5, 7)}` }) });
  }, [column, pupil, t]);

  const clear = useCallback(() => {
    if (!column || !pupil || !column.lesson.writable) return;
    const cell = cells.get(cellKey(column.lesson.id, pupil.id));
    if (column.kind === 'score') writeValue(focus, null);
    else if (cell?.fo?.value != null) writeValue(focus, null);
    else if (cell?.code?.code) writeCode(column.lesson, pupil.id, null);
  }, [column, pupil, cells, focus, writeValue, writeCode]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // A key on a button of the grid (a lesson's header, "all present") is that button's.
    if (e.target !== e.currentTarget) return;
    if (!sheet || !column || !pupil) return;
    const action = actionOf(e, keys);
    if (!action) return;
    const size = { rows: sheet.pupils.length, cols: columns.length };
    if (action.type === 'move') {
      const next = moveFocus(focus, action, size);
      if (!next) { flush(focus, pending); return; } // Tab leaves the grid
      e.preventDefault();
      flush(focus, pending);
      go(next);
      return;
    }
    e.preventDefault();
    switch (action.type) {
      case 'home': flush(focus, pending); go({ row: focus.row, col: 0 }); break;
      case 'end': flush(focus, pending); go({ row: focus.row, col: columns.length - 1 }); break;
      case 'commit': flush(focus, pending); go(moveFocus(focus, { rows: e.shiftKey ? -1 : 1, cols: 0 }, size)); break;
      case 'cancel': if (timer.current) clearTimeout(timer.current); setPending(''); setHistory(null); setLessonPanel(null); break;
      case 'clear': setPending(''); clear(); break;
      case 'undo': setPending(''); void journal.undo(); break;
      case 'history': openHistory(); break;
      case 'code':
        if (column.kind === 'fo') writeCode(column.lesson, pupil.id, action.code);
        break;
      case 'digit': {
        if (!column.lesson.writable) break;
        const typed = typeDigit(pending, action.digit, rangeOf(column));
        if (typed.rejected) break;
        if (timer.current) { clearTimeout(timer.current); timer.current = null; }
        setPending(typed.pending);
        if (typed.commit !== null) writeValue(focus, typed.commit);
        if (typed.pending) {
          const at = focus;
          timer.current = setTimeout(() => flush(at, typed.pending), DIGIT_WAIT_MS);
        }
        break;
      }
    }
  };
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const allPresent = async (lessonId: string) => {
    const n = await journal.allPresent(lessonId);
    setNotice(n === null ? null : t('journal.allPresentDone', { n }));
    grid.current?.focus();
  };

  const reasonMissingFor = (lesson: Lesson) => !!sheet && needsReason(lesson, sheet.today, sheet.editingDays) && !reasonOf(reasons[lesson.id]);
  const codesHint = (sheet?.codes ?? []).map((c) => c.code).join(' ');
  return (
    <section className="view journal-view" data-testid="journal-view">
      <div className="view-head">
        <h1>{t('journal.title')}</h1>
        {sheet && (
          <ReportButtons classId={sheet.class.id} subjectId={sheet.subject.id} groupId={sheet.group?.id ?? null} period={sheet.period.number}
            classReports={me.roles.includes('director') || me.roles.includes('deputy_director') || me.leadsClass?.id === sheet.class.id} />
        )}
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && journals.length === 0 && <Empty text={t('journal.empty')} />}
      {current && (
        <JournalPicker journals={journals} chosen={journalId(current)} sheet={sheet}
          onChoose={(id) => { setChosen(id); setPeriod(undefined); setHistory(null); setLessonPanel(null); }}
          onPeriod={(n) => { setPeriod(n); setHistory(null); setLessonPanel(null); }} />
      )}
      {journal.loadError && <ErrorNotice error={journal.loadError} />}
      {current && !sheet && !journal.loadError && <Loading />}
      {sheet && sheet.lessons.length === 0 && <Empty text={t('journal.noLessons')} />}
      {sheet && sheet.lessons.length > 0 && sheet.pupils.length === 0 && <Empty text={t('journal.noPupils')} />}
      {sheet && column && pupil && (
        <>
          <CellEditor sheet={sheet} column={column} pupilName={`${pupil.lastName} ${pupil.firstName}`} studentId={pupil.id}
            cell={cells.get(cellKey(column.lesson.id, pupil.id))} conflict={column.kind === 'fo' ? conflicts.get(cellKey(column.lesson.id, pupil.id)) : undefined}
            canUndo={journal.canUndo}
            reason={needsReason(column.lesson, sheet.today, sheet.editingDays) ? {
              value: reasons[column.lesson.id] ?? '',
              missing: reasonMissing && !reasonOf(reasons[column.lesson.id]),
              onChange: (text) => { const id = column.lesson.id; setReasons((r) => ({ ...r, [id]: text })); },
            } : null}
            reasonRef={reasonInput}
            onRemark={(text) => journal.setRemark(column.lesson.id, pupil.id, text)}
            onDone={() => grid.current?.focus()}
            onMark={(v) => { writeValue(focus, v); if (!reasonMissingFor(column.lesson)) grid.current?.focus(); }}
            onCode={(code) => { writeCode(column.lesson, pupil.id, code); if (!reasonMissingFor(column.lesson)) grid.current?.focus(); }}
            onClear={() => { clear(); grid.current?.focus(); }}
            onUndo={() => { void journal.undo(); grid.current?.focus(); }}
            onHistory={openHistory} />
          <div className="journal-status" aria-live="polite">
            {journal.writeError && (
              <p className="journal-error" role="alert" data-testid="journal-error">
                {t(journal.writeError.messageKey, journal.writeError.params)}
                <button type="button" className="button" onClick={journal.dismissError}>{t('journal.close')}</button>
              </p>
            )}
            {!journal.writeError && notice && <p className="muted" data-testid="journal-notice">{notice}</p>}
          </div>
          <JournalGrid ref={grid} sheet={sheet} columns={columns} cells={cells} conflicts={conflicts} focus={focus} pending={pending}
            onFocus={(at) => { flush(focus, pending); setFocus(at); grid.current?.focus(); }}
            onKeyDown={onKeyDown} onAllPresent={(id) => void allPresent(id)} onOpenLesson={(id) => { setHistory(null); setLessonPanel(id); }} />
          <p className="muted journal-keys">{t('journal.keys', { codes: codesHint })}</p>
          {lessonPanel && sheet.lessons.some((l) => l.id === lessonPanel) && (
            <LessonPanel key={lessonPanel} sheet={sheet} lesson={sheet.lessons.find((l) => l.id === lessonPanel)!} me={me}
              onClose={() => { setLessonPanel(null); grid.current?.focus(); }}
              setTopic={journal.setTopic} setHomework={journal.setHomework} setSummative={journal.setSummative} unlockLesson={journal.unlockLesson} />
          )}
          {history && <HistoryPanel key={`${history.lessonId}|${history.studentId}`} {...history} onClose={() => { setHistory(null); grid.current?.focus(); }} />}
        </>
      )}
    </section>
  );
}
