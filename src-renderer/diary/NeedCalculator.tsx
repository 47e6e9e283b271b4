import { useEffect, useId, useState } from 'react';
import type { OutputOf } from '../../src-core/contract/operations';
import { useApi } from '../api/ApiContext';
import { useI18n } from '../i18n/I18n';

type Marks = OutputOf<'diary.marks'>;
type Subject = Marks['subjects'][number];
type Result = OutputOf<'grading.termMark'>;

/**
 * "What do I need for a 5?": the СОЧ score each higher mark needs, and a field to try a score — the term mark it
 * would give comes from grading.termMark with the pupil's own marks and the year's settings.
 */
export function NeedCalculator({ subject, grading, onClose }: { subject: Subject; grading: Marks['grading']; onClose: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const id = useId();
  const soch = subject.termInput.soch;
  const [score, setScore] = useState<number | null>(soch?.score ?? null);
  const [answer, setAnswer] = useState<{ score: number; result: Result } | null>(null);
  useEffect(() => {
    if (!soch || score === null) return;
    let current = true;
    api.invoke('grading.termMark', { marks: { ...subject.termInput, soch: { score, max: soch.max } }, settings: grading })
      .then((result) => { if (current) setAnswer({ score, result }); }, () => { if (current) setAnswer(null); });
    return () => { current = false; };
  }, [api, grading, score, soch, subject.termInput]);
  // An answer for another score (or none yet) is not shown: only the score in the field counts.
  const tried = answer && answer.score === score ? answer.result : null;
  if (!soch) return null;
  return (
    <section className="need" data-testid="need-calculator" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('diary.need.title', { subject: subject.subject.name[locale] })}</h3>
      {soch.score !== null && <p>{t('diary.need.written', { score: soch.score, max: soch.max })}</p>}
      <ul className="need-list">
        {subject.term.needed.map((n) => (
          <li key={n.mark} data-testid="need-row">
            {n.sochScore === null ? t('diary.need.unreachable', { mark: n.mark }) : t('diary.need.for', { mark: n.mark, score: n.sochScore, max: soch.max })}
          </li>
        ))}
      </ul>
      <div className="need-try">
        <label htmlFor={`${id}-score`}>{t('diary.need.try', { max: soch.max })}</label>
        <input
          id={`${id}-score`} type="number" inputMode="numeric" min={0} max={soch.max} value={score ?? ''} data-testid="need-score"
          onChange={(e) => {
            const v = e.target.value === '' ? null : Math.round(Number(e.target.value));
            setScore(v === null || Number.isNaN(v) ? null : Math.min(Math.max(v, 0), soch.max));
          }}
        />
        <output htmlFor={`${id}-score`} className="need-result" data-testid="need-result">
          {tried && tried.percent !== null && tried.mark !== null ? t('diary.need.result', { percent: tried.percent, mark: tried.mark }) : score !== null ? t('diary.need.noResult') : ''}
        </output>
      </div>
      <button type="button" className="button" onClick={onClose}>{t('diary.need.close')}</button>
    </section>
  );
}
