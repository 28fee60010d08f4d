import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { messageKeys, type Message } from '../current/Conversation.tsx';
import { Transcript } from '../current/Transcript.tsx';
import { useWordedLines } from '../chats/systemLines.ts';

/** The conversation of a contact on its journal card (a chat's transcript, e-mails): read only, shown when there is one. */
export function ContactTranscript({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const messages = useQuery({
    queryKey: messageKeys(contactId),
    queryFn: () => api.get<{ items: Message[] }>(`/contacts/${contactId}/messages`).then((r) => r.items),
  });
  // A chat's system lines ("… joined the chat") are stored language-neutral: worded here.
  const lines = useWordedLines(messages.data);
  if (messages.error) return <ProblemAlert error={messages.error} />;
  if (!messages.data?.length) return null;
  return (
    <section className="journal-transcript" aria-label={t('workspace.conversation')}>
      <h3>{t('workspace.conversation')}</h3>
      <Transcript contactId={contactId} messages={lines} />
    </section>
  );
}
