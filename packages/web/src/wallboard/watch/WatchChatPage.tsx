import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Transcript } from '../../desk/current/Transcript.tsx';
import { ChatHeader, ChatTicks } from '../../desk/chats/ChatParts.tsx';
import { useChat } from '../../desk/chats/queries.ts';
import { useChatEvents } from '../../desk/chats/useChatEvents.ts';
import { useWordedLines } from '../../desk/chats/systemLines.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import '../../desk/chats/chats.css';
import '../../desk/current/workspace.css';

/**
 * A group lead watching one chat live (M4), read only: the same transcript the operator sees,
 * both sides' typing, and the read ticks — but no reply box, and watching marks nothing as read.
 * Hears the chat's own topic `chat:<id>` (granted to floor control).
 */
export function WatchChatPage() {
  const { contactId = '' } = useParams();
  const { t } = useTranslation();
  const chat = useChat(contactId);
  useChatEvents(`chat:${contactId}`);
  const c = chat.data;
  const lines = useWordedLines(c?.messages);
  const typing = c?.customerTyping ? t('chats.customerTyping') : c?.agentTyping ? t('chats.agentTyping') : null;
  return (
    <div className="page page-wide">
      <PageHeader title={t('chatWatch.title')} subtitle={t('chatWatch.subtitle')}
        actions={<Link className="btn btn-ghost" to="/wallboard">{t('chatWatch.back')}</Link>} />
      <ProblemAlert error={chat.error} />
      {c ? (
        <section className="card chat-pane chat-watch" aria-label={t('chats.chatWith', { name: c.customerName ?? t('chats.anonymous') })}>
          <ChatHeader chat={c} />
          <Transcript contactId={contactId} messages={lines}
            status={(m) => <ChatTicks message={m} customerReadSeq={c.customerReadSeq} />} footer={typing} />
          {c.status === 'ended' ? <p role="status">{t('chats.ended')}</p> : <p className="small muted">{t('chatWatch.readOnly')}</p>}
        </section>
      ) : chat.isPending ? <p className="muted">{t('common.loading')}</p> : null}
    </div>
  );
}
