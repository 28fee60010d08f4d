import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

interface SurveyCreated { token: string; url: string; expiresAt: string }

/**
 * The satisfaction survey of a contact that is not a chat (a chat sends its own when it ends):
 * the desk creates the link and puts it into its e-mail reply, or reads it out. The server keeps
 * only a hash of the token, so the link is shown once, right after it is made; one per contact.
 */
export function SurveyLinkPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const create = useMutation({ mutationFn: () => api.post<SurveyCreated>('/surveys', { contactId }) });
  const link = create.data ? new URL(create.data.url, window.location.origin).toString() : null;
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section className="card" aria-label={t('deskSurvey.title')}>
      <h2>{t('deskSurvey.title')}</h2>
      <p className="small muted">{t('deskSurvey.hint')}</p>
      <ProblemAlert error={create.error} />
      {link ? (
        <>
          <div className="field">
            <label htmlFor="survey-link">{t('deskSurvey.link')}</label>
            <input id="survey-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          </div>
          <p className="small muted">{t('deskSurvey.expires', { at: formatDateTime(create.data!.expiresAt) })}</p>
          <Button size="sm" onClick={() => void copy()}>{copied ? t('deskSurvey.copied') : t('deskSurvey.copy')}</Button>
        </>
      ) : (
        <Button size="sm" busy={create.isPending} onClick={() => create.mutate()}>{t('deskSurvey.create')}</Button>
      )}
    </section>
  );
}
