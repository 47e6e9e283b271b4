import { useEffect, useState, type FormEvent } from 'react';
import type { LessonPlan } from '../../../../src-core/contract/ops/resources';
import type { LessonView, Me } from '../../../../src-core/contract/schemas';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import { FileLink } from '../library/FileLink';
import { sizeText } from '../library/model';
import { KindBadge } from '../library/ResourceCard';
import { ResourcePicker } from '../library/ResourcePicker';
import {
  attach, draftOf, lineKey, MAX_OBJECTIVES, MAX_RESOURCES, moveItem, planOf, sameAsSaved,
  type DraftProblem, type PlanDraft,
} from './model';
import { StagesEditor } from './StagesEditor';

interface Props {
  lessonId: string;
  saved: LessonPlan | null;
  lesson: LessonView | null;
  me: Me;
  onSaved: () => void;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'problems'; problems: DraftProblem[] } | { kind: 'failed'; error: ApiError };

/** The lesson's teacher writes the plan; it is saved whole with lesson.setPlan. */
export function PlanEditor({ lessonId, saved, lesson, me, onSaved }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(saved));
  const [kept, setKept] = useState<LessonPlan | null>(saved);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [picking, setPicking] = useState(false);
  const unchanged = sameAsSaved(draft, kept);

  // A page closed with changes not saved asks first.
  useEffect(() => {
    if (unchanged) return;
    const ask = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unchanged]);

  const change = (next: PlanDraft) => {
    setDraft(next);
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = planOf(draft);
    if (!checked.ok) { setStatus({ kind: 'problems', problems: checked.problems }); return; }
    setStatus({ kind: 'saving' });
    try {
      await api.invoke('lesson.setPlan', { lessonId, plan: checked.plan });
      setKept(checked.plan);
      setStatus({ kind: 'saved' });
      onSaved();
    } catch (err) {
      setStatus({ kind: 'failed', error: err instanceof ApiError ? err : unreachable() });
    }
  };

  const problems = status.kind === 'problems' ? status.problems : [];
  const chosen = new Set(draft.resources.map((r) => r.resourceId));
  return (
    <form className="lp-form" onSubmit={(e) => void save(e)} data-testid="lp-form" noValidate>
      <div className="lp-grid">
        <div className="lp-column">
          <section className="card lp-part" aria-labelledby="lp-objectives-heading">
            <h2 id="lp-objectives-heading">{t('lessonPlan.objectives.title')}</h2>
            {draft.objectives.length === 0 && <p className="muted">{t('lessonPlan.objectives.none')}</p>}
            <ol className="lp-objectives">
              {draft.objectives.map((o, i) => (
                <li key={o.key} className="lp-objective">
                  <label className="sr-only" htmlFor={`lp-objective-${o.key}`}>{t('lessonPlan.objectives.line', { n: i + 1 })}</label>
                  <textarea id={`lp-objective-${o.key}`} rows={2} maxLength={500} value={o.text} placeholder={t('lessonPlan.objectives.hint')}
                    onChange={(e) => change({ ...draft, objectives: draft.objectives.map((x) => (x.key === o.key ? { ...x, text: e.target.value } : x)) })}
                    data-testid="lp-objective" />
                  <button type="button" className="button quiet lp-icon" aria-label={t('lessonPlan.objectives.remove', { n: i + 1 })} title={t('lessonPlan.objectives.remove', { n: i + 1 })}
                    onClick={() => change({ ...draft, objectives: draft.objectives.filter((x) => x.key !== o.key) })} data-testid="lp-objective-remove">×</button>
                </li>
              ))}
            </ol>
            <button type="button" className="button" disabled={draft.objectives.length >= MAX_OBJECTIVES}
              onClick={() => change({ ...draft, objectives: [...draft.objectives, { key: lineKey(), text: '' }] })} data-testid="lp-add-objective">
              + {t('lessonPlan.objectives.add')}
            </button>
          </section>

          <StagesEditor stages={draft.stages} problems={problems} onChange={(stages) => change({ ...draft, stages })} />
        </div>

        <div className="lp-column">
          <section className="card lp-part" aria-labelledby="lp-resources-heading">
            <h2 id="lp-resources-heading">{t('lessonPlan.resources.title')}</h2>
            {draft.resources.length === 0 && <p className="muted">{t('lessonPlan.resources.none')}</p>}
            {draft.resources.length > 0 && (
              <ol className="lp-resources">
                {draft.resources.map((r, i) => (
                  <li key={r.resourceId} className="lp-resource" data-testid="lp-resource" data-id={r.resourceId}>
                    <KindBadge kind={r.kind} />
                    <span className="lp-resource-title">
                      <FileLink sha256={r.sha256}>{r.title}</FileLink>
                      <span className="muted">{sizeText(r.size, locale, t)}</span>
                    </span>
                    <span className="lp-row-buttons">
                      <button type="button" className="button quiet lp-icon" disabled={i === 0} aria-label={t('lessonPlan.up')} title={t('lessonPlan.up')}
                        onClick={() => change({ ...draft, resources: moveItem(draft.resources, i, -1) })}>↑</button>
                      <button type="button" className="button quiet lp-icon" disabled={i === draft.resources.length - 1} aria-label={t('lessonPlan.down')} title={t('lessonPlan.down')}
                        onClick={() => change({ ...draft, resources: moveItem(draft.resources, i, 1) })}>↓</button>
                      <button type="button" className="button quiet lp-icon" aria-label={t('lessonPlan.resources.remove', { title: r.title })} title={t('lessonPlan.resources.remove', { title: r.title })}
                        onClick={() => change({ ...draft, resources: draft.resources.filter((x) => x.resourceId !== r.resourceId) })} data-testid="lp-resource-remove">×</button>
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {me.permissions.includes('resources.read') && !picking && (
              <button type="button" className="button" disabled={draft.resources.length >= MAX_RESOURCES} onClick={() => setPicking(true)} data-testid="lp-attach">
                + {t('lessonPlan.resources.add')}
              </button>
            )}
            {picking && (
              <ResourcePicker initial={{ subjectId: lesson?.subject.id ?? '', grade: lesson ? String(lesson.class.grade) : '' }}
                chosen={chosen} readsJournals={me.permissions.includes('journal.read')} full={draft.resources.length >= MAX_RESOURCES}
                onPick={(r) => change(attach(draft, r))} onClose={() => setPicking(false)} />
            )}
          </section>

          <section className="card lp-part" aria-labelledby="lp-notes-heading">
            <h2 id="lp-notes-heading"><label htmlFor="lp-notes">{t('lessonPlan.notes.title')}</label></h2>
            <textarea id="lp-notes" rows={5} maxLength={4000} value={draft.notes} placeholder={t('lessonPlan.notes.hint')}
              onChange={(e) => change({ ...draft, notes: e.target.value })} data-testid="lp-notes" />
          </section>
        </div>
      </div>

      <div className="lp-savebar" data-testid="lp-savebar">
        <button type="submit" className="button primary" disabled={status.kind === 'saving' || unchanged} data-testid="lp-save">
          {status.kind === 'saving' ? t('lessonPlan.saving') : t('lessonPlan.save')}
        </button>
        {status.kind === 'saved' && unchanged && <span className="lp-saved" role="status" data-testid="lp-saved">{t('lessonPlan.saved')}</span>}
        {status.kind !== 'saved' && status.kind !== 'saving' && !unchanged && <span className="muted" data-testid="lp-unsaved">{t('lessonPlan.unsaved')}</span>}
        {status.kind === 'idle' && unchanged && kept && <span className="muted">{t('lessonPlan.upToDate')}</span>}
        {status.kind === 'problems' && (
          <p className="form-error" role="alert" data-testid="lp-error">{t('lessonPlan.problem.count', { n: status.problems.length })}</p>
        )}
        {status.kind === 'failed' && <p className="form-error" role="alert" data-testid="lp-error">{t(status.error.messageKey, status.error.params)}</p>}
      </div>
    </form>
  );
}
