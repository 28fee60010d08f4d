import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem.ts';

/**
 * Shows what went wrong in words: the server's `detail` when it has one, else a message
 * chosen by status. Field-level errors are shown next to the fields by the forms themselves.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {problemMessage(error, t)}
    </div>
  );
}

export function problemMessage(error: unknown, t: (key: string) => string): string {
  if (!isProblem(error)) return t('errors.unexpected');
  if (error.status === 0) return t('errors.network');
  if (error.detail) return error.detail;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status === 400 || error.status === 422) return t('errors.validation');
  return error.title || t('errors.unexpected');
}

/** Field messages from a failed mutation, or none. */
export function fieldErrors(error: unknown): Record<string, string> {
  return isProblem(error) ? error.fieldErrors() : {};
}
