import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { API_BASE, api } from '../../api/client.ts';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { attachmentKeys, formatSize, type Attachment } from './types.ts';
import { uploadAll } from './upload.ts';
import './attachments.css';

/** A contact's files: download each, add more (when the user may change the contact). */
export function AttachmentList({ contactId, canAdd }: { contactId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ file: string; error: unknown }[]>([]);
  const list = useQuery({
    queryKey: attachmentKeys.of(contactId),
    queryFn: () => api.get<{ items: Attachment[] }>(`/contacts/${contactId}/attachments`).then((r) => r.items),
  });
  const add = async (files: File[]) => {
    setBusy(true);
    setFailed(await uploadAll(contactId, files));
    setBusy(false);
    void queryClient.invalidateQueries({ queryKey: attachmentKeys.of(contactId) });
  };
  return (
    <section className="attachments" aria-label={t('attachments.title')}>
      <h3>{t('attachments.title')}</h3>
      <ProblemAlert error={list.error} />
      {list.data && list.data.length === 0 ? <p className="muted small">{t('attachments.none')}</p> : null}
      <ul className="attachment-list">
        {list.data?.map((a) => (
          <li key={a.id}>
            <a href={`${API_BASE}/contacts/${contactId}/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a>{' '}
            <span className="muted small">{formatSize(a.size, i18n.language)} · {formatDateTime(a.createdAt)}</span>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <label className="btn btn-secondary btn-sm file-button">
          {busy ? t('attachments.sending') : t('attachments.add')}
          <input type="file" multiple hidden disabled={busy} onChange={(e) => { const files = Array.from(e.target.files ?? []); e.target.value = ''; void add(files); }} />
        </label>
      ) : null}
      {failed.map((f) => (
        <div key={f.file}>
          <p className="small">{t('attachments.failed', { name: f.file })}</p>
          <ProblemAlert error={f.error} />
        </div>
      ))}
    </section>
  );
}
