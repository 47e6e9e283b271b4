import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../../api/ApiContext';
import { ApiError, unreachable } from '../../../api/client';
import { useI18n } from '../../../i18n/I18n';
import type { Journals } from '../library/useJournals';
import { bytesToBase64, importChoices, planFileProblem, planReplaced, type PlanLanguage, type PlanSummary, type PlanView } from './model';

interface Props {
  journals: Journals;
  plans: readonly PlanSummary[];
  onImported: (plan: PlanView) => void;
}

type Problem = { key: string; params: Record<string, string | number>; rows: { key: string; params: Record<string, string | number> }[] };

/**
 * A teacher's plan of a subject in a grade, read from their XLSX or CSV file: created, or replacing their plan of
 * the same subject, grade and language. A file with errors changes nothing and every bad row is named.
 */
export function ImportForm({ journals, plans, onImported }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const choices = importChoices(journals, locale);
  const [choiceKey, setChoiceKey] = useState('');
  const [language, setLanguage] = useState<PlanLanguage | ''>('');
  const [title, setTitle] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileInput, setFileInput] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (choices.length === 0) return null;
  const choice = choices.find((c) => c.key === choiceKey) ?? choices[0]!;
  const lang: PlanLanguage = language || choice.language;
  const shownTitle = title ?? t('plans.screen.defaultTitle', { subject: choice.subjectName, grade: choice.grade });
  const replaces = planReplaced(plans, choice, lang);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || busy) return;
    const early = planFileProblem(file);
    if (early) { setProblem({ ...early, rows: [] }); return; }
    setBusy(true);
    setProblem(null);
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const plan = await api.invoke('plans.import', {
        subjectId: choice.subjectId, grade: choice.grade, language: lang,
        title: shownTitle.trim().slice(0, 200) || choice.subjectName, fileName: file.name.slice(0, 200), base64,
      });
      setFile(null);
      setFileInput((n) => n + 1);
      onImported(plan);
    } catch (err) {
      const error = err instanceof ApiError ? err : unreachable();
      setProblem({ key: error.messageKey, params: error.params, rows: error.fields.map((f) => ({ key: f.messageKey, params: f.params })) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel plans-import" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('plans.import')}</h2>
      <p className="muted">{t('plans.importHint')}</p>
      <form className="plans-import-form" onSubmit={(e) => void submit(e)} data-testid="plan-import-form">
        <label className="field" htmlFor={`${id}-subject`}>
          <span className="field-label">{t('plans.screen.subjectGrade')}</span>
          <select id={`${id}-subject`} value={choice.key} onChange={(e) => { setChoiceKey(e.target.value); setLanguage(''); }} data-testid="plan-import-subject">
            {choices.map((c) => <option key={c.key} value={c.key}>{t('plans.screen.subjectInGrade', { subject: c.subjectName, grade: c.grade })}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-language`}>
          <span className="field-label">{t('plans.screen.language')}</span>
          <select id={`${id}-language`} value={lang} onChange={(e) => setLanguage(e.target.value as PlanLanguage)} data-testid="plan-import-language">
            <option value="kk">{t('plans.screen.lang.kk')}</option>
            <option value="ru">{t('plans.screen.lang.ru')}</option>
          </select>
        </label>
        <label className="field plans-import-title" htmlFor={`${id}-title`}>
          <span className="field-label">{t('plans.screen.planTitle')}</span>
          <input id={`${id}-title`} type="text" maxLength={200} value={shownTitle} onChange={(e) => setTitle(e.target.value)} data-testid="plan-import-title" />
        </label>
        <div className="field plans-import-file">
          <span className="field-label" id={`${id}-file-label`}>{t('plans.screen.file')}</span>
          <div className="plans-file-row">
            <label className="button plans-choose">
              {t('plans.screen.chooseFile')}
              <input key={fileInput} type="file" className="sr-only" aria-labelledby={`${id}-file-label`}
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                onChange={(e) => { setFile(e.target.files?.[0] ?? null); setProblem(null); }} data-testid="plan-import-file" />
            </label>
            <span className={file ? 'plans-file-name' : 'plans-file-name muted'} data-testid="plan-import-file-name">{file ? file.name : t('plans.screen.noFile')}</span>
          </div>
        </div>
        <div className="plans-import-actions">
          <button type="submit" className="button primary" disabled={!file || busy} data-testid="plan-import-submit">
            {busy ? t('plans.screen.importing') : t('plans.screen.importButton')}
          </button>
          {replaces && <span className="tag warn" data-testid="plan-import-replaces">{t('plans.screen.replaces', { title: replaces.title })}</span>}
        </div>
      </form>
      {problem && (
        <div className="form-error plans-import-error" role="alert" data-testid="plan-import-error">
          <p>{t(problem.key, problem.params)}</p>
          {problem.rows.length > 0 && (
            <ul>{problem.rows.map((r, i) => <li key={i}>{t(r.key, r.params)}</li>)}</ul>
          )}
        </div>
      )}
    </section>
  );
}
