import { Fragment, useState } from 'react';
import type { OutputOf } from '../../src-core/contract/operations';
import { useOperation } from '../api/ApiContext';
import { Empty, ErrorNotice, Loading } from '../components/Panels';
import { shortDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18n';
import { NeedCalculator } from './NeedCalculator';
import { MarkBadge } from './WeekView';

type Marks = OutputOf<'diary.marks'>;
type Subject = Marks['subjects'][number];

/** A pupil's marks by subject for a quarter: the marks, the period's percent and mark, the year mark so far. */
export function MarksTable({ studentId }: { studentId?: string }) {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<number | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);
  const marks = useOperation('diary.marks', { studentId, period });
  const data = marks.data;
  const subjects = data ? [...data.subjects].sort((a, b) => a.subject.name[locale].localeCompare(b.subject.name[locale], locale)) : [];
  return (
    <div className="diary-marks" data-testid="diary-marks">
      {data && data.periods.length > 0 && (
        <div className="segmented" role="group" aria-label={t('diary.period')}>
          {data.periods.map((p) => (
            <button
              key={p.number} type="button" aria-pressed={p.number === data.period?.number}
              className={p.number === data.period?.number ? 'segment active' : 'segment'}
              onClick={() => { setOpen(null); setPeriod(p.number); }}
            >
              {t('diary.quarter', { n: p.number })}
            </button>
          ))}
        </div>
      )}
      {marks.error && <ErrorNotice error={marks.error} onRetry={marks.reload} />}
      {!data && !marks.error && <Loading />}
      {data && subjects.length === 0 && <Empty text={t('diary.noSubjects')} />}
      {subjects.length > 0 && (
        <div className="table-wrap">
          <table className="table marks-table">
            <thead>
              <tr>
                <th scope="col">{t('diary.col.subject')}</th>
                <th scope="col">{t('diary.col.marks')}</th>
                <th scope="col" className="num">{t('diary.col.percent')}</th>
                <th scope="col" className="num">{t('diary.col.term')}</th>
                <th scope="col" className="num">{t('diary.col.year')}</th>
              </tr>
            </thead>
            <tbody>
              {subjects.map((s) => (
                <Fragment key={s.subject.id}>
                  <SubjectRow subject={s} open={open === s.subject.id} onToggle={() => setOpen(open === s.subject.id ? null : s.subject.id)} />
                  {open === s.subject.id && (
                    <tr className="need-row">
                      <td colSpan={5}><NeedCalculator subject={s} grading={data!.grading} onClose={() => setOpen(null)} /></td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SubjectRow({ subject: s, open, onToggle }: { subject: Subject; open: boolean; onToggle: () => void }) {
  const { t, locale } = useI18n();
  const canAsk = s.current && s.assessment === 'marked' && s.termInput.soch !== null;
  return (
    <tr data-testid="marks-row">
      <th scope="row" className="marks-subject">
        {s.subject.name[locale]}
        {s.period.kind === 'halfYear' && <span className="diary-muted marks-period">{t('diary.halfYear', { n: s.period.number })}</span>}
      </th>
      <td>
        {s.marks.length === 0 ? <span className="diary-muted">{t('diary.noMarks')}</span> : (
          <span className="marks-list">
            {s.marks.map((m) => (
              <span key={`${m.lessonId}:${m.kind}`} title={shortDate(locale, m.date)}>
                <MarkBadge kind={m.kind} text={m.max === null ? String(m.value) : t('diary.score', { score: m.value, max: m.max })} />
              </span>
            ))}
          </span>
        )}
        {canAsk && (
          <button type="button" className="button quiet need-open" aria-expanded={open} onClick={onToggle} data-testid="need-open">
            {t('diary.need.open')}
          </button>
        )}
      </td>
      <td className="num">{s.term.percent === null ? '—' : t('diary.percent', { percent: s.term.percent })}</td>
      <td className="num"><TermMark subject={s} /></td>
      <td className="num">{s.year.mark === null ? '—' : <span className="final-mark">{s.year.mark}</span>}</td>
    </tr>
  );
}

function TermMark({ subject: s }: { subject: Subject }) {
  const { t } = useI18n();
  if (s.assessment === 'none') return <span className="diary-muted">{t('diary.notAssessed')}</span>;
  if (s.assessment === 'passFail') return s.term.pass === null ? <>—</> : <span className="final-mark">{t(s.term.pass ? 'diary.pass' : 'diary.fail')}</span>;
  return s.term.mark === null ? <>—</> : <span className="final-mark" data-testid="term-mark">{s.term.mark}</span>;
}
