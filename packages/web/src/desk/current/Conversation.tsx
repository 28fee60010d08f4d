import { forwardRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { Button } from '../../ui/Button.tsx';
import { formatShort } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

export interface Message {
  id: string;
  author: 'customer' | 'agent' | 'system';
  authorName: string | null;
  body: string;
  createdAt: string;
}

export const messageKeys = (contactId: string) => [...keys.contacts, contactId, 'messages'] as const;

interface Props {
  contactId: string;
  /** The reply being written; the knowledge panel inserts answers into it. */
  draft: string;
  onDraft: (text: string) => void;
  disabled: boolean;
}

/**
 * The transcript of a written contact (chat, e-mail, messenger) and the reply box.
 * Ctrl+Enter sends. The transcript is what the journal's search and quality review read.
 */
export const Conversation = forwardRef<HTMLTextAreaElement, Props>(function Conversation({ contactId, draft, onDraft, disabled }, ref) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sentError, setSentError] = useState<unknown>(null);
  const messages = useQuery({
    queryKey: messageKeys(contactId),
    queryFn: () => api.get<{ items: Message[] }>(`/contacts/${contactId}/messages`).then((r) => r.items),
    refetchInterval: 5000,
  });
  const send = useMutation({
    mutationFn: (body: string) => api.post<Message>(`/contacts/${contactId}/messages`, { author: 'agent', body }),
    onSuccess: () => {
      onDraft('');
      setSentError(null);
      void queryClient.invalidateQueries({ queryKey: messageKeys(contactId) });
    },
    onError: setSentError,
  });
  const submit = () => {
    if (draft.trim() && !send.isPending) send.mutate(draft.trim());
  };
  return (
    <section className="card workspace-conversation" aria-label={t('workspace.conversation')}>
      <h2>{t('workspace.conversation')}</h2>
      <ProblemAlert error={messages.error} />
      <ol className="transcript" aria-live="polite">
        {messages.data?.map((m) => (
          <li key={m.id} className={`msg msg-${m.author}`}>
            <div className="msg-meta small muted">{m.author === 'customer' ? t('workspace.customerSays') : m.authorName ?? t('workspace.system')} · {formatShort(m.createdAt)}</div>
            <div className="msg-body">{m.body}</div>
          </li>
        ))}
        {messages.data?.length === 0 ? <li className="muted small">{t('workspace.noMessages')}</li> : null}
      </ol>
      <div className="reply">
        <label htmlFor="reply" className="visually-hidden">{t('workspace.reply')}</label>
        <textarea id="reply" ref={ref} rows={3} value={draft} disabled={disabled} placeholder={t('workspace.replyHint')}
          onChange={(e) => onDraft(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); } }} />
        <Button variant="primary" onClick={submit} busy={send.isPending} disabled={disabled || !draft.trim()}>{t('workspace.send')}</Button>
      </div>
      <ProblemAlert error={sentError} />
    </section>
  );
});
