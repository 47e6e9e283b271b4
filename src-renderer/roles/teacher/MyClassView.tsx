import { useCallback, useState } from 'react';
import { useOperation } from '../../api/ApiContext';
import { Empty, ErrorNotice, Loading } from '../../components/Panels';
import { fullName } from '../../components/names';
import { useI18n } from '../../i18n/I18n';
import type { ViewProps } from '../../shell/views';
import '../../styles/my-class.css';
import { ReportButtons } from '../../reports/ReportButtons';
import { pupilsAtRisk, type SummaryPupil } from './class/model';
import { ParentsTable } from './class/ParentsTable';
import { SickNote } from './class/SickNote';
import { SummaryTable } from './class/SummaryTable';

type Tab = 'summary' | 'parents';
const QUARTERS = [1, 2, 3, 4];

/**
 * The class a teacher (or a deputy director) leads: its figures, then the quarter's summary — term marks by
 * subject, absences, the pupils at risk of a 2 — the parents' contacts, the class workbooks, and sick notes.
 */
export default function MyClassView({ me }: ViewProps) {
  const { t } = useI18n();
  const list = useOperation('school.classes', {});
  const led = me.leadsClass;
  const row = list.data?.classes.find((c) => c.id === led?.id) ?? null;
  return (
    <section className="view my-class-view" data-testid="my-class-view">
      <div className="view-head"><h1>{led ? t('myClass.title', { name: led.name }) : t('nav.myClass')}</h1></div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <Loading />}
      {row && (
        <ul className="figures">
          <li className="figure"><span className="figure-value">{row.pupils}</span><span className="figure-label">{t('classes.pupils')}</span></li>
          <li className="figure"><span className="figure-value">{row.shift}</span><span className="figure-label">{t('classes.shift')}</span></li>
          <li className="figure"><span className="figure-value small">{t(`classes.language.${row.language}`)}</span><span className="figure-label">{t('classes.language')}</span></li>
        </ul>
      )}
      {led && <ClassSummary classId={led.id} />}
    </section>
  );
}

function ClassSummary({ classId }: { classId: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('summary');
  const [note, setNote] = useState<SummaryPupil | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const summary = useOperation('classTeacher.summary', period ? { classId, period } : { classId });
  const data = summary.data;
  const shown = period ?? data?.period;
  const atRisk = data ? pupilsAtRisk(data.pupils) : 0;
  const close = useCallback(() => setNote(null), []);
  const { reload } = summary;
  const excused = useCallback((pupil: SummaryPupil, n: number) => {
    setNote(null);
    setDone(t('myClass.excusedDone', { name: fullName(pupil.pupil), n }));
    reload();
  }, [reload, t]);

  return (
    <div className="my-class" data-testid="my-class">
      <div className="mc-toolbar">
        <div className="segmented" role="group" aria-label={t('myClass.quarters')} data-testid="my-class-quarters">
          {QUARTERS.map((n) => (
            <button key={n} type="button" className={n === shown ? 'segment active' : 'segment'} aria-pressed={n === shown}
              onClick={() => { setPeriod(n); setDone(null); }} data-testid={`quarter-${n}`}>
              {t('myClass.quarter', { n })}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('myClass.tabs')}>
          {(['summary', 'parents'] as const).map((x) => (
            <button key={x} type="button" className={x === tab ? 'segment active' : 'segment'} aria-pressed={x === tab} onClick={() => setTab(x)} data-testid={`my-class-tab-${x}`}>
              {t(`myClass.tab.${x}`)}
            </button>
          ))}
        </div>
      </div>
      {summary.error && <ErrorNotice error={summary.error} onRetry={summary.reload} />}
      {!data && !summary.error && <Loading />}
      {done && (
        <p className="mc-done" role="status" data-testid="sick-note-done">
          {done}
          <button type="button" className="button quiet" onClick={() => setDone(null)}>{t('myClass.close')}</button>
        </p>
      )}
      {data && data.pupils.length === 0 && <Empty text={t('myClass.noPupils')} />}
      {data && data.pupils.length > 0 && tab === 'summary' && (
        <>
          <div className="mc-subhead">
            <p className={atRisk > 0 ? 'mc-risk-count warn' : 'mc-risk-count'} data-testid="my-class-at-risk" data-count={atRisk}>
              {atRisk > 0 ? t('myClass.atRisk', { n: atRisk }) : t('myClass.noneAtRisk')}
              {summary.loading && <span className="muted mc-loading"> {t('panel.loading')}</span>}
            </p>
            <ReportButtons classId={classId} period={data.period} />
          </div>
          {data.subjects.length === 0 && <Empty text={t('myClass.noSubjects')} />}
          <SummaryTable summary={data} onSickNote={(p) => { setDone(null); setNote(p); }} />
        </>
      )}
      {data && data.pupils.length > 0 && tab === 'parents' && <ParentsTable summary={data} />}
      {note && data && data.subjects[0] && (
        <SickNote key={note.pupil.id} pupil={note} classId={classId} subjectId={data.subjects[0].id}
          onDone={(n) => excused(note, n)} onClose={close} />
      )}
    </div>
  );
}
