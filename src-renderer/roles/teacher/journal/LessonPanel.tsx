import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { InputOf } from '../../../../src-core/contract/operations';
import type { Me } from '../../../../src-core/contract/schemas';
import type { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import { longDate, shortDate } from '../../../i18n/dates';
import { LessonPlanLink } from '../lesson-plan/LessonPlanLink';
import { lockedSince, needsReason, summativeInput, unlockInput, type SummativeKind } from './lesson';
import type { Lesson, Sheet } from './model';

type Result = Promise<ApiError | null>;

interface Props {
  sheet: Sheet;
  lesson: Lesson;
  me: Me;
  onClose: () => void;
  setTopic: (lessonId: string, topic: string) => Result;
  setHomework: (lessonId: string, homework: string | null) => Result;
  setSummative: (input: InputOf<'lesson.setSummative'>) => Result;
  unlockLesson: (input: InputOf<'journal.unlockLesson'>) => Result;
}

type Part = 'topic' | 'homework' | 'summative' | 'unlock';
/** Per part of the panel: the refusal (translated key and params) or "saved". */
type Outcome = { error: { key: string; params?: Record<string, string | number> } } | { saved: true };

/**
 * A lesson's panel, opened from its column header: the date, the topic, the homework and the summative work (the
 * lesson's teacher writes them while its cells are open), and for a locked lesson who may open it again.
 * Keyed by the lesson: another lesson mounts a new panel with its own drafts.
 */
export function LessonPanel({ sheet, lesson, me, onClose, setTopic, setHomework, setSummative, unlockLesson }: Props) {
  const { t, locale } = useI18n();
  const [topic, setTopicDraft] = useState(lesson.topic ?? '');
  const [homework, setHomeworkDraft] = useState(lesson.homework ?? '');
  const [kind, setKind] = useState<SummativeKind>(lesson.summative?.kind ?? 'none');
  const [maxScore, setMaxScore] = useState(lesson.summative ? String(lesson.summative.max) : '10');
  const [title, setTitle] = useState(lesson.summative?.title ?? '');
  const [until, setUntil] = useState(sheet.today);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Part | null>(null);
  const [outcome, setOutcome] = useState<Partial<Record<Part, Outcome>>>({});
  const root = useRef<HTMLElement>(null);

  // The panel takes the focus: the topic when the lesson is writable, else its first control.
  useEffect(() => { root.current?.querySelector<HTMLElement>('textarea, .journal-lesson-head button')?.focus(); }, []);
  // Escape closes the panel wherever the focus is (a button just disabled while saving leaves it on the page).
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; }, [onClose]);
  useEffect(() => {
    const onEscape = (e: globalThis.KeyboardEvent) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); close.current(); } };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);

  const writable = lesson.writable;
  const canUnlock = me.permissions.includes('journal.unlock');
  const unlockedOnly = needsReason(lesson, sheet.today, sheet.editingDays);
  const date = longDate(locale, lesson.date);

  const run = async (part: Part, write: () => Result) => {
    setBusy(part);
    const err = await write();
    setBusy(null);
    setOutcome((o) => ({ ...o, [part]: err ? { error: { key: err.messageKey, params: err.params } } : { saved: true } }));
  };
  const refuse = (part: Part, key: string) => setOutcome((o) => ({ ...o, [part]: { error: { key } } }));
  const edited = (part: Part) => setOutcome((o) => ({ ...o, [part]: undefined }));

  const show = (part: Part) => {
    const o = outcome[part];
    if (!o) return null;
    if ('saved' in o) return <span className="journal-lesson-saved" role="status" data-testid={`lesson-${part}-saved`}>{t('journal.lesson.saved')}</span>;
    return <p className="journal-error" role="alert" data-testid="lesson-error">{t(o.error.key, o.error.params)}</p>;
  };

  const submitTopic = (e: FormEvent) => {
    e.preventDefault();
    const text = topic.trim();
    if (text && text !== (lesson.topic ?? '')) void run('topic', () => setTopic(lesson.id, text.slice(0, 500)));
  };
  const submitHomework = (e: FormEvent) => {
    e.preventDefault();
    const text = homework.trim();
    if (text !== (lesson.homework ?? '')) void run('homework', () => setHomework(lesson.id, text ? text.slice(0, 2000) : null));
  };
  const clearHomework = () => {
    setHomeworkDraft('');
    if (lesson.homework) void run('homework', () => setHomework(lesson.id, null));
  };
  const submitSummative = (e: FormEvent) => {
    e.preventDefault();
    const checked = summativeInput(lesson.id, kind, maxScore, title);
    if (!checked.ok) refuse('summative', checked.error);
    else void run('summative', () => setSummative(checked.input));
  };
  const submitUnlock = (e: FormEvent) => {
    e.preventDefault();
    const checked = unlockInput(lesson.id, until, reason, sheet.today);
    if (!checked.ok) refuse('unlock', checked.error);
    else void run('unlock', () => unlockLesson(checked.input));
  };

  const summativeText = lesson.summative
    ? `${t(lesson.summative.kind === 'sor' ? 'journal.sorTitle' : 'journal.sochTitle')}${lesson.summative.title ? `: ${lesson.summative.title}` : ''} (${t('journal.max', { max: lesson.summative.max })})`
    : t('journal.lesson.noSummative');

  return (
    <aside ref={root} className="journal-lesson" role="dialog" aria-modal="false" aria-labelledby="journal-lesson-heading" data-testid="lesson-panel">
      <div className="journal-lesson-head">
        <h2 id="journal-lesson-heading">{t('journal.lesson.heading', { date, period: lesson.period })}</h2>
        <LessonPlanLink lessonId={lesson.id} date={lesson.date} />
        <button type="button" className="button" onClick={onClose} data-testid="lesson-close">{t('journal.close')}</button>
      </div>

      {lesson.locked && (
        <p className="journal-lesson-note locked" data-testid="lesson-locked">
          {t('journal.lesson.lockedSince', { date: shortDate(locale, lockedSince(lesson, sheet.editingDays)), days: sheet.editingDays })}
          {!canUnlock && <> {t('journal.lesson.askDeputy')}</>}
        </p>
      )}
      {!lesson.locked && unlockedOnly && lesson.unlockedUntil && (
        <p className="journal-lesson-note unlocked" data-testid="lesson-unlocked">{t('journal.lesson.unlockedUntil', { date: shortDate(locale, lesson.unlockedUntil) })}</p>
      )}
      {!lesson.locked && !writable && <p className="journal-lesson-note">{t('journal.readOnly')}</p>}

      {writable ? (
        <>
          <form className="journal-lesson-part" onSubmit={submitTopic}>
            <label htmlFor="lesson-topic">{t('journal.lesson.topic')}</label>
            <textarea id="lesson-topic" rows={2} maxLength={500} value={topic} placeholder={t('journal.noTopic')}
              onChange={(e) => { setTopicDraft(e.target.value); edited('topic'); }} data-testid="lesson-topic" />
            <div className="journal-lesson-actions">
              <button type="submit" className="button primary" disabled={busy === 'topic' || !topic.trim() || topic.trim() === (lesson.topic ?? '')} data-testid="lesson-topic-save">
                {t('journal.lesson.save')}
              </button>
              {show('topic')}
            </div>
          </form>

          <form className="journal-lesson-part" onSubmit={submitHomework}>
            <label htmlFor="lesson-homework">{t('journal.lesson.homework')}</label>
            <textarea id="lesson-homework" rows={3} maxLength={2000} value={homework} placeholder={t('journal.lesson.noHomework')}
              onChange={(e) => { setHomeworkDraft(e.target.value); edited('homework'); }} data-testid="lesson-homework" />
            <div className="journal-lesson-actions">
              <button type="submit" className="button primary" disabled={busy === 'homework' || homework.trim() === (lesson.homework ?? '')} data-testid="lesson-homework-save">
                {t('journal.lesson.save')}
              </button>
              <button type="button" className="button" disabled={busy === 'homework' || (!lesson.homework && !homework)} onClick={clearHomework} data-testid="lesson-homework-clear">
                {t('journal.lesson.clearHomework')}
              </button>
              {show('homework')}
            </div>
          </form>

          <form className="journal-lesson-part" onSubmit={submitSummative}>
            <fieldset>
              <legend>{t('journal.lesson.summative')}</legend>
              <div className="journal-lesson-kinds" role="radiogroup">
                {(['none', 'sor', 'soch'] as const).map((k) => (
                  <label key={k} className={`journal-lesson-kind${kind === k ? ' on' : ''}`}>
                    <input type="radio" name="summative-kind" value={k} checked={kind === k} onChange={() => { setKind(k); edited('summative'); }} data-testid={`lesson-kind-${k}`} />
                    {k === 'none' ? t('journal.lesson.noSummative') : k === 'sor' ? t('journal.what.sor') : t('journal.what.soch')}
                  </label>
                ))}
              </div>
              {kind !== 'none' && (
                <div className="journal-lesson-row">
                  <label className="journal-lesson-field narrow">
                    <span>{t('journal.lesson.maxScore')}</span>
                    <input type="number" min={1} max={100} step={1} inputMode="numeric" value={maxScore}
                      onChange={(e) => { setMaxScore(e.target.value); edited('summative'); }} data-testid="lesson-max" />
                  </label>
                  <label className="journal-lesson-field">
                    <span>{t('journal.lesson.workTitle')}</span>
                    <input type="text" maxLength={200} value={title} onChange={(e) => { setTitle(e.target.value); edited('summative'); }} data-testid="lesson-work-title" />
                  </label>
                </div>
              )}
            </fieldset>
            <div className="journal-lesson-actions">
              <button type="submit" className="button primary" disabled={busy === 'summative'} data-testid="lesson-summative-save">{t('journal.lesson.save')}</button>
              {show('summative')}
            </div>
          </form>
        </>
      ) : (
        <dl className="journal-lesson-read">
          <dt>{t('journal.lesson.topic')}</dt><dd data-testid="lesson-topic-text">{lesson.topic ?? t('journal.noTopic')}</dd>
          <dt>{t('journal.lesson.homework')}</dt><dd data-testid="lesson-homework-text">{lesson.homework ?? t('journal.lesson.noHomework')}</dd>
          <dt>{t('journal.lesson.summative')}</dt><dd>{summativeText}</dd>
        </dl>
      )}

      {canUnlock && (lesson.locked || unlockedOnly) && (
        <form className="journal-lesson-part journal-lesson-unlock" onSubmit={submitUnlock} data-testid="lesson-unlock">
          <h3>{t('journal.lesson.unlockHeading')}</h3>
          <div className="journal-lesson-row">
            <label className="journal-lesson-field narrow">
              <span>{t('journal.lesson.unlockUntil')}</span>
              <input type="date" min={sheet.today} value={until} required onChange={(e) => { setUntil(e.target.value); edited('unlock'); }} data-testid="lesson-unlock-until" />
            </label>
            <label className="journal-lesson-field">
              <span>{t('journal.lesson.unlockReason')}</span>
              <input type="text" maxLength={500} value={reason} required onChange={(e) => { setReason(e.target.value); edited('unlock'); }} data-testid="lesson-unlock-reason" />
            </label>
          </div>
          <div className="journal-lesson-actions">
            <button type="submit" className="button primary" disabled={busy === 'unlock'} data-testid="lesson-unlock-submit">{t('journal.lesson.unlock')}</button>
            {show('unlock')}
          </div>
        </form>
      )}
    </aside>
  );
}
