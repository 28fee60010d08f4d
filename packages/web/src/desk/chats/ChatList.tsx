import { useTranslation } from 'react-i18next';
import type { ChatSummary } from './types.ts';

/**
 * The chats the operator holds, one tab each: who, about what, unread messages, and whether the
 * customer is online and typing right now. Arrow keys are not needed: each tab is a button.
 */
export function ChatList({ chats, selected, drafts, onSelect }: { chats: ChatSummary[]; selected: string | null; drafts: Record<string, string>; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="chat-list" aria-label={t('chats.list')}>
      {chats.map((c) => {
        const name = c.customerName ?? t('chats.anonymous');
        return (
          <button key={c.contactId} type="button" className={`chat-tab${c.contactId === selected ? ' is-active' : ''}${c.status === 'ended' ? ' is-ended' : ''}`}
            aria-current={c.contactId === selected ? 'true' : undefined} data-testid={`chat-tab-${c.contactId}`} onClick={() => onSelect(c.contactId)}>
            <span className="chat-tab-head">
              <span className={`presence-dot${c.customerOnline ? ' is-online' : ''}`} title={c.customerOnline ? t('chats.online') : t('chats.offline')} aria-hidden="true" />
              <strong className="chat-tab-name">{name}</strong>
              {c.unread > 0 ? <span className="chat-unread" aria-label={t('chats.unread', { count: c.unread })}>{c.unread}</span> : null}
            </span>
            <span className="small muted chat-tab-topic">{c.topic ?? t('chats.noTopic')}</span>
            <span className="small chat-tab-state">
              <span className="visually-hidden">{c.customerOnline ? t('chats.online') : t('chats.offline')}. </span>
              {c.customerTyping ? <em>{t('chats.typing')}</em> : c.status === 'ended' ? t('chats.ended') : c.status === 'waiting' ? t('chats.waiting') : drafts[c.contactId] ? t('chats.hasDraft') : null}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
