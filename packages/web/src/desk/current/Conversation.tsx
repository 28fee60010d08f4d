import { forwardRef, useState } from 'react';
import { useWordedLines } from '../chats/systemLines.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { Transcript } from './Transcript.tsx';

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
  /** A live web chat: replies go through the chat, so the customer sees them at once in the widget. */
  liveChat?: boolean;
}

/**
 * The transcript of a written contact (chat, e-mail, messenger) and the reply box.
 * Ctrl+Enter sends. The transcript is what the journal's search and quality review read.
 */
export const Conversation = forwardRef<HTMLTextAreaElement, Props>(function Conversation({ contactId, draft, onDraft, disabled, liveChat = false }, ref) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sentError, setSentError] = useState<unknown>(null);
  const messages = useQuery({
    queryKey: messageKeys(contactId),
    queryFn: () => api.get<{ items: Message[] }>(`/contacts/${contactId}/messages`).then((r) => r.items),
    refetchInterval: 5000,
  });
  const send = useMutation({
    mutationFn: (body: string) =>
      liveChat
        ? api.post<Message>(`/chats/${contactId}/messages`, { body, clientId: crypto.randomUUID() })
        : api.post<Message>(`/contacts/${contactId}/messages`, { author: 'agent', body }),
    onSuccess: () => {
      onDraft('');
      setSentError(null);
      void queryClient.invalidateQueries({ queryKey: messageKeys(contactId) });
    },
    onError: setSentError,
  });
  const submit = () => send.mutate(draft.trim());
  const lines = useWordedLines(messages.data);
  return (
    <section className="card workspace-conversation" aria-label={t('workspace.conversation')}>
      <h2>{t('workspace.conversation')}</h2>
      <ProblemAlert error={messages.error} />
      <Transcript contactId={contactId} messages={lines} />
      <ReplyBox id="reply" ref={ref} value={draft} onChange={onDraft} onSend={submit} busy={send.isPending} disabled={disabled} />
      <ProblemAlert error={sentError} />
    </section>
  );
});
