import type { SyncProblem } from '../../../../src-core/contract/schemas';
import { useI18n } from '../../../i18n/I18n';
import type { Cell, Column, Sheet } from './model';

/**
 * The focused cell, with large buttons for a board or a tablet: marks, attendance codes, clear, undo, history.
 * Everything here is also a key (see keys.ts).
 */
export function CellEditor({ sheet, column, pupilName, cell, conflict, canUndo, onMark, onCode, onClear, onUndo, onHistory }: {
  sheet: Sheet;
  column: Column;
  pupilName: string;
  cell: Cell | undefined;
  conflict: SyncProblem | undefined;
  canUndo: boolean;
  onMark: (value: number) => void;
  onCode: (code: string | null) => void;
  onClear: () => void;
  onUndo: () => void;
  onHistory: () => void;
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
    </div>
  );
}
