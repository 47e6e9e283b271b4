import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApi, useOperation } from '../../../api/ApiContext';
import { ApiError } from '../../../api/client';
import { ErrorNotice, Loading } from '../../../components/Panels';
import { fullName } from '../../../components/names';
import { useI18n } from '../../../i18n/I18n';
import { excusedCodes, sickNoteProblem, type SummaryPupil } from './model';

interface Props {
  pupil: SummaryPupil;
  classId: string;
  /** Any subject of the class: its journal sheet brings the school's attendance codes and the host's today. */
  subjectId: string;
  onDone: (excused: number) => void;
  onClose: () => void;
}

/**
 * A sick note (or a family's letter) brought to the class teacher: from, to, the excused code and the reason; every
 * unexcused absence of the pupil on those days gets the code (attendance.excuse).
 */
export function SickNote({ pupil, classId, subjectId, onDone, onClose }: Props) {
  const { t, locale } = useI18n();
  const client = useApi();
  const sheet = useOperation('journal.sheet', { classId, subjectId });
  const codes = excusedCodes(sheet.data?.codes ?? []);
  const today = sheet.data?.today ?? '';
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const name = fullName(pupil.pupil);

  // The days start at the host's today and the code at the school's first excused one, once the sheet has come.
  const [filled, setFilled] = useState(false);
  if (sheet.data && !filled) {
    setFilled(true);
    setFrom(today);
    setTo(today);
    setCode(codes[0]?.code ?? '');
  }
  useEffect(() => { if (filled) first.current?.focus(); }, [filled]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const problem = sickNoteProblem({ from, to, reason, code });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.invoke('attendance.excuse', { studentId: pupil.pupil.id, from, to, code, reason: reason.trim() });
      onDone(result.excused);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', 'error.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mc-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="panel mc-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="sick-note">
        <h2 id={`${id}-title`}>{t('myClass.sickNoteTitle', { name })}</h2>
        <p className="muted">{t('myClass.sickNoteHint')}</p>
        {sheet.error && <ErrorNotice error={sheet.error} onRetry={sheet.reload} />}
        {!sheet.data && !sheet.error && <Loading />}
        {sheet.data && codes.length === 0 && <p className="form-error" role="alert">{t('myClass.noCodes')}</p>}
        {sheet.data && codes.length > 0 && (
          <form className="mc-form" onSubmit={(e) => void submit(e)} noValidate>
            <div className="mc-dates">
              <label className="field">
                <span className="field-label">{t('myClass.from')}</span>
                <input ref={first} type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} data-testid="sick-note-from"
                  aria-invalid={tried && problem === 'dates'} />
              </label>
              <label className="field">
                <span className="field-label">{t('myClass.to')}</span>
                <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} data-testid="sick-note-to"
                  aria-invalid={tried && problem === 'dates'} />
              </label>
            </div>
            {tried && problem === 'dates' && <p className="field-error">{t('myClass.datesOrder')}</p>}
            <label className="field">
              <span className="field-label">{t('myClass.code')}</span>
              <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="sick-note-code">
                {codes.map((c) => <option key={c.code} value={c.code}>{`${c.code} — ${c.label[locale]}`}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('myClass.reason')}</span>
              <input type="text" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="sick-note-reason"
                aria-invalid={tried && problem === 'reason'} required />
            </label>
            {tried && problem === 'reason' && <p className="field-error">{t('myClass.reasonRequired')}</p>}
            {error && <p className="form-error" role="alert" data-testid="sick-note-error">{t(error.messageKey, error.params)}</p>}
            <div className="mc-actions">
              <button type="button" className="button" onClick={onClose}>{t('myClass.cancel')}</button>
              <button type="submit" className="button primary" disabled={busy} data-testid="sick-note-save">{busy ? t('myClass.saving') : t('myClass.save')}</button>
            </div>
          </form>
        )}
        {(!sheet.data || codes.length === 0) && (
          <div className="mc-actions"><button type="button" className="button" onClick={onClose}>{t('myClass.close')}</button></div>
        )}
      </div>
    </div>
  );
}
