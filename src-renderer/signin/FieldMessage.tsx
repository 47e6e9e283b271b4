import type { ApiError, FieldProblem } from '../api/client';
import { useI18n } from '../i18n/I18n';

/** The server's complaint about one input ("login", "password"), if it named that input. */
export function fieldProblem(error: ApiError | null, path: string): FieldProblem | null {
  return error?.fields.find((f) => f.path === path) ?? null;
}

/** The message under an input: "fill this in" or the server's translated complaint. */
export function FieldMessage({ missing, problem }: { missing: boolean; problem: FieldProblem | null }) {
  const { t } = useI18n();
  if (missing) return <span className="field-error" role="alert">{t('signin.required')}</span>;
  if (problem) return <span className="field-error" role="alert">{t(problem.messageKey, problem.params)}</span>;
  return null;
}
