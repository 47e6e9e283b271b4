import { useI18n } from '../../../i18n/I18n';
import { LESSON_MINUTES, lineKey, MAX_STAGES, minutesBalance, minutesOf, moveItem, totalMinutes, usualStages, type DraftProblem, type StageDraft } from './model';

interface Props {
  stages: StageDraft[];
  /** The problems of the last save, to mark their lines. */
  problems: readonly DraftProblem[];
  onChange: (stages: StageDraft[]) => void;
}

/** The lesson's stages in order: a title, the minutes, what the teacher does; their total against the 45 minutes. */
export function StagesEditor({ stages, problems, onChange }: Props) {
  const { t } = useI18n();
  const total = totalMinutes(stages);
  const balance = minutesBalance(total);
  const set = (key: string, patch: Partial<StageDraft>) => onChange(stages.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const wrong = (line: number, field: DraftProblem['field']) => problems.some((p) => p.line === line && p.field === field);
  return (
    <section className="card lp-part" aria-labelledby="lp-stages-heading">
      <div className="lp-part-head">
        <h2 id="lp-stages-heading">{t('lessonPlan.stages.title')}</h2>
        <span className={`lp-total ${balance.state}`} data-testid="lp-total" data-minutes={total}>
          {t('lessonPlan.stages.total', { n: total, lesson: LESSON_MINUTES })}
          {' · '}
          {balance.state === 'exact' ? t('lessonPlan.stages.exact') : t(`lessonPlan.stages.${balance.state}`, { n: balance.difference })}
        </span>
      </div>
      {stages.length === 0 && (
        <div className="lp-empty">
          <p className="muted">{t('lessonPlan.stages.none')}</p>
          <button type="button" className="button" data-testid="lp-usual-stages"
            onClick={() => onChange(usualStages({ start: t('lessonPlan.stages.start'), middle: t('lessonPlan.stages.middle'), end: t('lessonPlan.stages.end') }))}>
            {t('lessonPlan.stages.usual')}
          </button>
        </div>
      )}
      <ol className="lp-stages">
        {stages.map((s, i) => {
          const line = i + 1;
          const id = `lp-stage-${s.key}`;
          return (
            <li key={s.key} className="lp-stage" data-testid="lp-stage">
              <span className="lp-stage-n" aria-hidden="true">{line}</span>
              <div className="lp-stage-fields">
                <div className="lp-stage-row">
                  <label className="field lp-stage-title" htmlFor={`${id}-title`}>
                    <span className="field-label">{t('lessonPlan.stages.stageTitle', { n: line })}</span>
                    <input id={`${id}-title`} type="text" maxLength={200} value={s.title} aria-invalid={wrong(line, 'stageTitle')}
                      onChange={(e) => set(s.key, { title: e.target.value })} data-testid="lp-stage-title" />
                  </label>
                  <label className="field lp-stage-minutes" htmlFor={`${id}-minutes`}>
                    <span className="field-label">{t('lessonPlan.stages.minutes')}</span>
                    <input id={`${id}-minutes`} type="number" min={1} max={90} step={1} inputMode="numeric" value={s.minutes}
                      aria-invalid={wrong(line, 'stageMinutes') || (s.minutes.trim() !== '' && minutesOf(s.minutes) === null)}
                      onChange={(e) => set(s.key, { minutes: e.target.value })} data-testid="lp-stage-minutes" />
                  </label>
                  <span className="lp-row-buttons">
                    <button type="button" className="button quiet lp-icon" disabled={i === 0} aria-label={t('lessonPlan.up')} title={t('lessonPlan.up')}
                      onClick={() => onChange(moveItem(stages, i, -1))} data-testid="lp-stage-up">↑</button>
                    <button type="button" className="button quiet lp-icon" disabled={i === stages.length - 1} aria-label={t('lessonPlan.down')} title={t('lessonPlan.down')}
                      onClick={() => onChange(moveItem(stages, i, 1))} data-testid="lp-stage-down">↓</button>
                    <button type="button" className="button quiet lp-icon" aria-label={t('lessonPlan.stages.remove', { n: line })} title={t('lessonPlan.stages.remove', { n: line })}
                      onClick={() => onChange(stages.filter((x) => x.key !== s.key))} data-testid="lp-stage-remove">×</button>
                  </span>
                </div>
                <label className="field" htmlFor={`${id}-notes`}>
                  <span className="field-label">{t('lessonPlan.stages.notes')}</span>
                  <textarea id={`${id}-notes`} rows={2} maxLength={2000} value={s.notes} onChange={(e) => set(s.key, { notes: e.target.value })} data-testid="lp-stage-notes" />
                </label>
                {wrong(line, 'stageTitle') && <p className="field-error">{t('lessonPlan.problem.stageTitle')}</p>}
                {wrong(line, 'stageMinutes') && <p className="field-error">{t('lessonPlan.problem.stageMinutes')}</p>}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" disabled={stages.length >= MAX_STAGES}
        onClick={() => onChange([...stages, { key: lineKey(), title: '', minutes: '', notes: '' }])} data-testid="lp-add-stage">
        + {t('lessonPlan.stages.add')}
      </button>
    </section>
  );
}
