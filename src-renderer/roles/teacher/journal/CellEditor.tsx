import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { SyncProblem } from '../../../../src-core/contract/schemas';
import { useI18n } from '../../../i18n/I18n';
import type { Cell, Column, Sheet } from './model';

/** The reason asked for a change of a lesson open only by an unlock: its text, and whether a change was refused for want of it. */
export interface ReasonField {
  value: string;
  missing: boolean;
  onChange: (text: string) => void;
}

/**
 * The focused cell, with large buttons for a board or a tablet: marks, attendance codes, clear, undo, history.
 * Everything here is also a key (see keys.ts).
 */
export function CellEditor({ sheet, column, pupilName, studentId, cell, conflict, canUndo, reason, reasonRef, onMark, onCode, onClear, onUndo, onHistory, onRemark, onDone }: {
  sheet: Sheet;
  column: Column;
  pupilName: string;
  studentId: string;
  cell: Cell | undefined;
  conflict: SyncProblem | undefined;
  canUndo: boolean;
  /** Present when the lesson is open only by an unlock: every change needs a reason. */
  reason: ReasonField | null;
  reasonRef: RefObject<HTMLInputElement | null>;
  onMark: (value: number) => void;
  onCode: (code: string | null) => void;
  onClear: () => void;
  onUndo: () => void;
  onHistory: () => void;
  onRemark: (text: string | null) => Promise<boolean>;
  /** Back to the grid (Escape in a field). */
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const l = column.lesson;
  const date = `${l.date.slice(8, 10)}.${l.date.slice(5, 7)}`;
  const writable = l.writable;
  const max = column.kind === 'score' ? l.summative?.max ?? 0 : 10;
  const values = column.kind === 'score' ? (max <= 10 ? Array.from({ length: max + 1 }, (_, i) => i) : []) : Array.from({ length: 10 }, (_, i) => i + 1);
  const mark = column.kind === 'fo' ? cell?.fo?.value : cell?.score?.value;
  return (
    <div className="journal-editor" data-testid="cell-editor">
      <div className="journal-editor-what">
        <strong>{pupilName}</strong>
        <span>{t('journal.lessonTitle', { date, period: l.period })}</span>
        <span className="muted journal-editor-topic">{l.topic ?? t('journal.noTopic')}</span>
        {l.locked && <span className="tag">{t('journal.locked')}</span>}
        {!l.locked && !writable && <span className="tag">{t('journal.readOnly')}</span>}
        {conflict && (
          <span className="tag journal-conflict-tag" data-testid="editor-conflict">
            {t('journal.conflict', { mine: conflict.mine ?? t('journal.none'), theirs: conflict.theirs ?? t('journal.none') })}
          </span>
        )}
      </div>
      <div className="journal-editor-actions">
        {writable && values.length > 0 && (
          <div className="journal-buttons" role="group" aria-label={column.kind === 'fo' ? t('journal.foTitle') : t('journal.score', { max })}>
            {values.map((v) => (
              <button key={v} type="button" className={`jr-key${mark === v ? ' on' : ''}`} tabIndex={-1} onClick={() => onMark(v)}>{v}</button>
            ))}
          </div>
        )}
        {writable && column.kind === 'fo' && (
          <div className="journal-buttons" role="group" aria-label={t('journal.attendance')}>
            {sheet.codes.map((c) => (
              <button key={c.code} type="button" className={`jr-key code${cell?.code?.code === c.code ? ' on' : ''}`} tabIndex={-1} title={c.label[locale]} onClick={() => onCode(c.code)}>
                {c.code}
              </button>
            ))}
          </div>
        )}
        {writable && <button type="button" className="button" tabIndex={-1} onClick={onClear}>{t('journal.clear')}</button>}
        <button type="button" className="button" tabIndex={-1} onClick={onUndo} disabled={!canUndo}>{t('journal.undo')}</button>
        <button type="button" className="button" tabIndex={-1} onClick={onHistory} data-testid="open-history">{t('journal.history')}</button>
      </div>
      {(reason || writable || cell?.remark) && (
        <div className="journal-editor-fields">
          {reason && writable && (
            <label className={`journal-editor-field reason${reason.missing ? ' missing' : ''}`}>
              <span>{t('journal.reason')}</span>
              <input ref={reasonRef} type="text" required maxLength={500} value={reason.value} aria-invalid={reason.missing}
                placeholder={t('journal.reasonRequired')} onChange={(e) => reason.onChange(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter' || e.key === 'Escape') { e.preventDefault(); onDone(); } }} data-testid="reason-input" />
            </label>
          )}
          {reason && writable && reason.missing && (
            <span className="journal-reason-needed" role="alert" data-testid="reason-needed">{t('journal.reasonNeeded')}</span>
          )}
          <RemarkField key={`${l.id}|${studentId}|${cell?.remark ?? ''}`} remark={cell?.remark ?? null} writable={writable} onRemark={onRemark} onDone={onDone} />
        </div>
      )}
    </div>
  );
}

/** The remark on the focused pupil in the lesson: written on Enter or Save, cleared by its button; the family sees it. */
function RemarkField({ remark, writable, onRemark, onDone }: { remark: string | null; writable: boolean; onRemark: (text: string | null) => Promise<boolean>; onDone: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(remark ?? '');
  const [busy, setBusy] = useState(false);
  const text = draft.trim();
  const changed = text !== (remark ?? '');
  const save = async (value: string | null) => {
    setBusy(true);
    const ok = await onRemark(value);
    setBusy(false);
    if (ok) onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') { e.preventDefault(); if (changed) void save(text ? text.slice(0, 1000) : null); else onDone(); }
    if (e.key === 'Escape') { e.preventDefault(); setDraft(remark ?? ''); onDone(); }
  };
  if (!writable) {
    return remark ? <p className="journal-editor-remark" data-testid="remark-text"><strong>{t('journal.remark')}:</strong> {remark}</p> : null;
  }
  return (
    <div className="journal-editor-field remark">
      <label htmlFor="journal-remark">{t('journal.remark')}</label>
      <input id="journal-remark" type="text" maxLength={1000} value={draft} placeholder={t('journal.remarkHint')} disabled={busy}
        onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} data-testid="remark-input" />
      <button type="button" className="button" disabled={busy || !changed} onClick={() => void save(text ? text.slice(0, 1000) : null)} data-testid="remark-save">
        {t('journal.lesson.save')}
      </button>
      {remark && (
        <button type="button" className="button" disabled={busy} onClick={() => void save(null)} aria-label={t('journal.remarkClear')} title={t('journal.remarkClear')} data-testid="remark-clear">
          {t('journal.clear')}
        </button>
      )}
    </div>
  );
}
