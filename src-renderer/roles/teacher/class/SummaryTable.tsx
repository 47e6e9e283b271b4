import type { Locale } from '../../../../src-core/i18n';
import { fullName } from '../../../components/names';
import { useI18n } from '../../../i18n/I18n';
import { absenceTotals, markShown, shortSubject, type Summary, type SummaryPupil } from './model';

function formatAverage(locale: Locale, value: number | null): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
}

/**
 * The class over a quarter: pupils (in the server's order) × subjects with their term marks, then the absences;
 * a pupil at risk of a 2 has the row and the subject's cell marked; the subjects' averages below. The name column
 * stays in place while a wide table scrolls.
 */
export function SummaryTable({ summary, onSickNote }: { summary: Summary; onSickNote: (pupil: SummaryPupil) => void }) {
  const { t, locale } = useI18n();
  const totals = absenceTotals(summary.pupils);
  const absences = ['lessons', 'excused', 'unexcused', 'late'] as const;
  const absenceHead = { lessons: 'missed', excused: 'excused', unexcused: 'unexcused', late: 'late' } as const;
  return (
    <div className="table-wrap mc-scroll" tabIndex={0} role="region" aria-label={t('myClass.tableTitle', { name: summary.class.name, n: summary.period })}>
      <table className="table mc-table" data-testid="my-class-summary">
        <thead>
          <tr>
            <th scope="col" className="mc-sticky mc-name-head">
              <span className="mc-num">{t('myClass.num')}</span> {t('myClass.pupil')}
            </th>
            {summary.subjects.map((s) => (
              <th key={s.id} scope="col" className="mc-subject" title={s.name[locale]} data-testid="my-class-subject">
                <abbr title={s.name[locale]}>{shortSubject(s.name[locale])}</abbr>
              </th>
            ))}
            {absences.map((k, i) => (
              <th key={k} scope="col" className={`num mc-abs${i === 0 ? ' mc-first-abs' : ''}`} title={t(`myClass.${absenceHead[k]}Title`)}>
                {t(`myClass.${absenceHead[k]}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.pupils.map((p, i) => {
            const risky = p.atRisk.length > 0;
            const name = fullName(p.pupil);
            return (
              <tr key={p.pupil.id} className={risky ? 'mc-risk-row' : undefined} data-testid="my-class-row" data-student={p.pupil.id} data-at-risk={risky ? 'yes' : 'no'}>
                <th scope="row" className="mc-sticky mc-name">
                  <div className="mc-name-in">
                    <span className="mc-num">{i + 1}</span>
                    <span className="mc-pupil" title={name}>{name}</span>
                    {risky && <span className="mc-risk-flag" title={t('myClass.atRiskTitle')} aria-label={t('myClass.atRiskTitle')}>!</span>}
                    <button type="button" className="button quiet mc-note" onClick={() => onSickNote(p)} data-testid="sick-note-open"
                      aria-label={`${t('myClass.sickNote')}: ${name}`}>
                      {t('myClass.sickNote')}
                    </button>
                  </div>
                </th>
                {summary.subjects.map((s) => {
                  const m = p.marks.find((x) => x.subjectId === s.id);
                  const shown = markShown(m);
                  const atRisk = p.atRisk.includes(s.id);
                  const title = m?.percent != null ? t('myClass.percentTitle', { subject: s.name[locale], percent: Math.round(m.percent * 10) / 10 }) : s.name[locale];
                  return (
                    <td key={s.id} className={`num mc-mark${atRisk ? ' mc-risk' : ''}`} title={title} data-testid="my-class-mark" data-subject={s.id}>
                      {shown.kind === 'mark' && shown.mark}
                      {shown.kind === 'pass' && <span title={t('myClass.passTitle')}>{t('myClass.pass')}</span>}
                      {shown.kind === 'fail' && <span title={t('myClass.failTitle')}>{t('myClass.fail')}</span>}
                      {shown.kind === 'none' && <span className="muted">—</span>}
                    </td>
                  );
                })}
                {absences.map((k, j) => (
                  <td key={k} className={`num mc-abs${j === 0 ? ' mc-first-abs' : ''}${k === 'unexcused' && p.absences.unexcused > 0 ? ' mc-unexcused' : ''}`}
                    data-testid={`absences-${k}`}>
                    {p.absences[k]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="my-class-averages">
            <th scope="row" className="mc-sticky mc-name">{t('myClass.average')}</th>
            {summary.subjects.map((s) => (
              <td key={s.id} className="num mc-mark" title={s.name[locale]}>{formatAverage(locale, s.average)}</td>
            ))}
            {absences.map((k, j) => <td key={k} className={`num mc-abs${j === 0 ? ' mc-first-abs' : ''}`}>{totals[k]}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
