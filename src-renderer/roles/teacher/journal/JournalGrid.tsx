import type { SyncProblem } from '../../../../src-core/contract/schemas';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/I18n';
import { visibleRange } from './keys';
import { cellKey, type Cell, type Column, type Sheet } from './model';

/**
 * Sizes of the grid in the page's rem (the shell enlarges the type on a big board): cells of at least 40 px, a name
 * column as wide as the longest "Surname Name".
 */
function sizesOf(rem: number, longestName: number) {
  return {
    ROW_H: Math.round(2.75 * rem),
    COL_W: Math.round(3.25 * rem),
    HEAD_H: Math.round(5.75 * rem),
    NAME_W: Math.round(Math.min(22 * rem, Math.max(13 * rem, (longestName * 0.6 + 3.5) * rem))),
    TERM_W: Math.round(4.5 * rem),
  };
}

const rootRem = () => (typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);

export interface Focus { row: number; col: number }

export interface GridHandle {
  focus(): void;
  /** Scrolls so that a cell is in view (it is then drawn). */
  reveal(at: Focus): void;
}

interface Props {
  sheet: Sheet;
  columns: Column[];
  cells: Map<string, Cell>;
  conflicts: Map<string, SyncProblem>;
  focus: Focus;
  pending: string;
  onFocus: (at: Focus) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onAllPresent: (lessonId: string) => void;
  /** The lesson's panel: its topic, homework, summative work (and its unlock). */
  onOpenLesson: (lessonId: string) => void;
}

export const cellId = (at: Focus) => `journal-cell-${at.row}-${at.col}`;

/**
 * The journal page: pupils as rows (name column sticky on the left), lessons as columns, the term's percent and
 * mark sticky on the right. Only the cells in view are drawn, so 40 pupils × 80 lessons scroll as lightly as 10 × 10.
 */
export const JournalGrid = forwardRef<GridHandle, Props>(function JournalGrid(props, ref) {
  const { sheet, columns, cells, conflicts, focus, pending, onFocus, onKeyDown, onAllPresent, onOpenLesson } = props;
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [rem] = useState(rootRem);
  const longest = Math.max(0, ...sheet.pupils.map((p) => p.lastName.length + p.firstName.length + 1));
  const { ROW_H, COL_W, HEAD_H, NAME_W, TERM_W } = sizesOf(rem, longest);
  const [view, setView] = useState({ top: 0, left: 0, width: 1200, height: 600 });

  const measure = () => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
  };
  useEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useImperativeHandle(ref, () => ({
    focus: () => scroller.current?.focus({ preventScroll: true }),
    reveal(at) {
      const el = scroller.current;
      if (!el) return;
      const x = at.col * COL_W;
      const bodyW = el.clientWidth - NAME_W - 2 * TERM_W;
      if (x < el.scrollLeft) el.scrollLeft = x;
      else if (x + COL_W > el.scrollLeft + bodyW) el.scrollLeft = x + COL_W - bodyW;
      const y = at.row * ROW_H;
      const bodyH = el.clientHeight - HEAD_H;
      if (y < el.scrollTop) el.scrollTop = y;
      else if (y + ROW_H > el.scrollTop + bodyH) el.scrollTop = y + ROW_H - bodyH;
      measure();
    },
  }), [COL_W, ROW_H, HEAD_H, NAME_W, TERM_W]);

  const rows = visibleRange(view.top, view.height - HEAD_H, ROW_H, sheet.pupils.length);
  const cols = visibleRange(view.left, view.width - NAME_W, COL_W, columns.length);
  const shownCols = columns.slice(cols.first, cols.last + 1);
  const width = NAME_W + columns.length * COL_W + 2 * TERM_W;
  const terms = new Map(sheet.termMarks.map((m) => [m.studentId, m]));
  const gap = (n: number) => <div className="jr-gap" style={{ width: n * COL_W }} aria-hidden />;
  const tail = columns.length - cols.last - 1;
  const dayMonth = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

  return (
    <div
      ref={scroller}
      className="jr-scroll"
      role="grid"
      aria-label={t('journal.grid', { name: `${sheet.class.name} · ${sheet.subject.name[locale]}` })}
      aria-rowcount={sheet.pupils.length + 1}
      aria-colcount={columns.length + 3}
      aria-activedescendant={cellId(focus)}
      tabIndex={0}
      onScroll={measure}
      onKeyDown={onKeyDown}
      data-testid="journal-grid"
      style={{ '--jr-row': `${ROW_H}px`, '--jr-col': `${COL_W}px`, '--jr-name': `${NAME_W}px`, '--jr-term': `${TERM_W}px` } as CSSProperties}
    >
      <div className="jr-canvas" style={{ width, height: HEAD_H + sheet.pupils.length * ROW_H }}>
        <div className="jr-row jr-head" role="row" aria-rowindex={1} style={{ width, height: HEAD_H }}>
          <div className="jr-name jr-corner" role="columnheader">{t('journal.pupil')}</div>
          {gap(cols.first)}
          {shownCols.map((c, i) => {
            const l = c.lesson;
            const title = [t('journal.lessonTitle', { date: dayMonth(l.date), period: l.period }), l.topic ?? t('journal.noTopic'),
              l.locked ? t('journal.locked') : !l.writable ? t('journal.readOnly') : null].filter(Boolean).join('\n');
            if (c.kind === 'score') {
              const kind = l.summative!.kind;
              return (
                <div key={`${l.id}-s`} className={`jr-th jr-summative${l.locked ? ' locked' : ''}`} role="columnheader" aria-colindex={cols.first + i + 2}
                  title={`${t(kind === 'sor' ? 'journal.sorTitle' : 'journal.sochTitle')}${l.summative!.title ? `: ${l.summative!.title}` : ''}\n${t('journal.max', { max: l.summative!.max })}\n${title}`}>
                  <button type="button" className="jr-th-open" aria-label={t('journal.lesson.open', { date: dayMonth(l.date) })}
                    onClick={() => onOpenLesson(l.id)} data-testid="open-lesson-summative">
                    <span className="jr-th-kind">{kind === 'sor' ? t('journal.sor', { n: c.number }) : t('journal.soch')}</span>
                    <span className="jr-th-max">/{l.summative!.max}</span>
                  </button>
                </div>
              );
            }
            return (
              <div key={l.id} className={`jr-th${l.locked ? ' locked' : ''}${l.date === sheet.today ? ' today' : ''}`} role="columnheader" aria-colindex={cols.first + i + 2} title={title} data-testid="journal-lesson">
                <button type="button" className="jr-th-open" title={`${title}\n${t('journal.lesson.open', { date: dayMonth(l.date) })}`}
                  aria-label={t('journal.lesson.open', { date: dayMonth(l.date) })} onClick={() => onOpenLesson(l.id)} data-testid="open-lesson" data-lesson={l.id}>
                  <span className="jr-th-date">{dayMonth(l.date)}</span>
                  <span className="jr-th-topic">{l.topic ? '•' : ''}{l.homework ? '⌂' : ''}</span>
                </button>
                {l.writable && (
                  <button type="button" className="jr-present" title={t('journal.allPresentTitle', { date: dayMonth(l.date) })}
                    aria-label={`${t('journal.allPresent')} ${dayMonth(l.date)}`} onClick={() => onAllPresent(l.id)} data-testid="all-present">✓</button>
                )}
              </div>
            );
          })}
          {gap(tail)}
          <div className="jr-term jr-term-percent jr-th" role="columnheader" title={t('journal.percentTitle')}>{t('journal.percent')}</div>
          <div className="jr-term jr-term-mark jr-th" role="columnheader" title={t('journal.termMarkTitle')}>{t('journal.termMark')}</div>
        </div>
        <div className="jr-body">
          {sheet.pupils.slice(rows.first, rows.last + 1).map((p, k) => {
            const row = rows.first + k;
            const term = terms.get(p.id);
            return (
              <div key={p.id} className="jr-row" role="row" aria-rowindex={row + 2} style={{ top: row * ROW_H, width, height: ROW_H }} data-testid="journal-row">
                <div className="jr-name" role="rowheader"><span className="jr-num">{row + 1}</span><span className="jr-pupil">{p.lastName} {p.firstName}</span></div>
                {gap(cols.first)}
                {shownCols.map((c, i) => {
                  const col = cols.first + i;
                  const at = { row, col };
                  const key = cellKey(c.lesson.id, p.id);
                  const cell = cells.get(key);
                  const focused = focus.row === row && focus.col === col;
                  const conflict = c.kind === 'fo' ? conflicts.get(key) : undefined;
                  const code = c.kind === 'fo' ? cell?.code?.code ?? null : null;
                  const mark = c.kind === 'fo' ? cell?.fo?.value ?? null : cell?.score?.value ?? null;
                  const remark = c.kind === 'fo' ? cell?.remark ?? null : null;
                  const cls = ['jr-cell', c.kind === 'score' ? 'score' : '', c.lesson.locked ? 'locked' : '', !c.lesson.writable ? 'readonly' : '',
                    focused ? 'focused' : '', conflict ? 'conflict' : '', code ? 'absent' : ''].filter(Boolean).join(' ');
                  return (
                    <div key={c.kind + c.lesson.id} id={cellId(at)} className={cls} role="gridcell" aria-colindex={col + 2}
                      aria-readonly={!c.lesson.writable} aria-selected={focused}
                      title={[conflict ? t('journal.conflict', { mine: conflict.mine ?? t('journal.none'), theirs: conflict.theirs ?? t('journal.none') }) : null,
                        remark ? t('journal.remarkTitle', { text: remark }) : null].filter(Boolean).join('\n') || undefined}
                      onMouseDown={(e) => { e.preventDefault(); onFocus(at); }}
                      data-testid="journal-cell" data-lesson={c.lesson.id} data-student={p.id} data-kind={c.kind}>
                      {focused && pending ? <span className="jr-pending">{pending}</span> : (
                        <>
                          {code && <span className="jr-code">{code}</span>}
                          {mark !== null && <span className="jr-mark">{mark}</span>}
                        </>
                      )}
                      {remark && <span className="jr-remark" data-testid="cell-remark" aria-hidden />}
                      {conflict && <span className="jr-conflict" data-testid="cell-conflict">{conflict.mine ?? '·'}/{conflict.theirs ?? '·'}</span>}
                    </div>
                  );
                })}
                {gap(tail)}
                <div className="jr-term jr-term-percent" data-testid="term-percent">{term?.percent == null ? '—' : `${Math.round(term.percent)}`}</div>
                <div className="jr-term jr-term-mark" data-testid="term-mark">
                  {term?.mark != null ? term.mark : term?.pass != null ? t(term.pass ? 'journal.pass' : 'journal.fail') : '—'}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
