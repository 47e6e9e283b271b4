import { useI18n } from '../../../i18n/I18n';
import type { JournalRef, Sheet } from './model';

export const journalId = (j: JournalRef) => `${j.class.id}|${j.subject.id}|${j.group?.id ?? ''}`;

/** The journal to open (the teacher's own first) and the marking period of its sheet. */
export function JournalPicker({ journals, chosen, onChoose, sheet, onPeriod }: {
  journals: JournalRef[];
  chosen: string;
  onChoose: (id: string) => void;
  sheet: Sheet | null;
  onPeriod: (n: number) => void;
}) {
  const { t, locale } = useI18n();
  const label = (j: JournalRef) => [j.class.name, j.subject.name[locale], j.group ? t('journal.group', { n: j.group.number }) : null].filter(Boolean).join(' · ');
  const mine = journals.filter((j) => j.mine);
  const others = journals.filter((j) => !j.mine);
  return (
    <div className="journal-picker">
      <label className="journal-field">
        <span>{t('journal.pick')}</span>
        <select value={chosen} onChange={(e) => onChoose(e.target.value)} data-testid="journal-select">
          {mine.length > 0 && <optgroup label={t('journal.mine')}>{mine.map((j) => <option key={journalId(j)} value={journalId(j)}>{label(j)}</option>)}</optgroup>}
          {others.length > 0 && <optgroup label={t('journal.others')}>{others.map((j) => <option key={journalId(j)} value={journalId(j)}>{label(j)}</option>)}</optgroup>}
        </select>
      </label>
      {sheet && sheet.periods.length > 1 && (
        <div className="journal-periods" role="group" aria-label={t('journal.periods')}>
          {sheet.periods.map((p) => (
            <button
              key={p.number}
              type="button"
              className={`button${p.number === sheet.period.number ? ' primary' : ''}`}
              aria-pressed={p.number === sheet.period.number}
              onClick={() => onPeriod(p.number)}
            >
              {t(`journal.period.${p.kind}`, { n: p.number })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
