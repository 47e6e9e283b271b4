import { useState } from 'react';
import { ApiError } from '../api/client';
import { useApi } from '../api/ApiContext';
import { useI18n } from '../i18n/I18n';

type ReportName = 'reports.journalPdf' | 'reports.progressXlsx' | 'reports.attendanceXlsx';
interface Props {
  /** subjectId: the journal of that subject as PDF; none: the class's workbooks only. */
  classId: string; subjectId?: string; groupId?: string | null; period?: number;
  /** The whole class's progress and attendance workbooks too (the class teacher, the administration). */
  classReports?: boolean;
}

/** Saves a file the host made (base64) through a temporary link: works in the browser and in the desktop client. */
function download(file: { filename: string; mime: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The printable paper of a journal: its pages as PDF, and the class's progress and attendance as Excel. Made on
 * whichever host answers (the classroom computer's replica too), so a teacher prints without the network.
 */
export function ReportButtons({ classId, subjectId, groupId = null, period, classReports = true }: Props) {
  const client = useApi();
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState<ReportName | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function make(name: ReportName) {
    setBusy(name);
    setError(null);
    try {
      const file = name === 'reports.journalPdf' && subjectId
        ? await client.invoke('reports.journalPdf', { classId, subjectId, groupId, period, locale })
        : await client.invoke(name, { classId, period, locale });
      download(file);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', 'error.internal'));
    } finally {
      setBusy(null);
    }
  }

  const button = (name: ReportName, label: string) => (
    <button type="button" className="button" disabled={busy !== null} onClick={() => void make(name)} data-testid={`report-${name.split('.')[1]}`}>
      {busy === name ? t('reports.busy') : t(label)}
    </button>
  );
  return (
    <div className="report-buttons">
      {subjectId && button('reports.journalPdf', 'reports.button.journalPdf')}
      {classReports && button('reports.progressXlsx', 'reports.button.progressXlsx')}
      {classReports && button('reports.attendanceXlsx', 'reports.button.attendanceXlsx')}
      {error && <p className="form-error" role="alert">{t(error.messageKey, error.params)}</p>}
    </div>
  );
}
