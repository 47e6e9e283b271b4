import { addDays, longDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';

interface Props {
  /** The day shown (from the answer), or null before the first answer. */
  shown: string | null;
  /** The school's today, once known. */
  today: string | null;
  onChange: (date: string | undefined) => void;
  busy?: boolean;
}

/** Previous day · today · next day, with the shown day written out in full. */
export function DayNavigator({ shown, today, onChange, busy = false }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="day-nav">
      <h2 className="day-title" data-testid="day-title" aria-live="polite">
        {shown ? longDate(locale, shown) : t('panel.loading')}
        {shown && shown === today && <span className="tag">{t('day.today')}</span>}
      </h2>
      <div className="day-buttons" role="group" aria-label={t('day.navigation')}>
        <button type="button" className="button" disabled={!shown || busy} onClick={() => shown && onChange(addDays(shown, -1))}>
          <span aria-hidden="true">‹ </span>{t('day.previous')}
        </button>
        <button type="button" className="button" disabled={!shown || shown === today || busy} onClick={() => onChange(undefined)}>
          {t('day.today')}
        </button>
        <button type="button" className="button" disabled={!shown || busy} onClick={() => shown && onChange(addDays(shown, 1))}>
          {t('day.next')}<span aria-hidden="true"> ›</span>
        </button>
      </div>
    </div>
  );
}
