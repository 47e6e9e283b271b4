import type { DaySchedule } from '../../src-core/contract/schemas';
import { longDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';

/** Why there are no lessons (weekend, holiday, outside the school year) and a way to the next school day. */
export function DayOff({ day, onGo }: { day: DaySchedule; onGo: (date: string) => void }) {
  const { t, locale } = useI18n();
  if (!day.dayOff) return null;
  const holiday = day.holiday?.[locale];
  return (
    <div className="panel day-off" data-testid="day-off">
      <p className="day-off-reason">
        {day.dayOff === 'holiday' && holiday ? t('day.holidayNamed', { name: holiday }) : t(`day.off.${day.dayOff}`)}
      </p>
      {day.nextSchoolDay && (
        <button type="button" className="button primary" onClick={() => day.nextSchoolDay && onGo(day.nextSchoolDay)}>
          {t('day.goNext', { date: longDate(locale, day.nextSchoolDay) })}
        </button>
      )}
    </div>
  );
}
