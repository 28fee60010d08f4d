import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { tickOf } from './chatState.ts';
import type { ChatMessage, ChatSummary } from './types.ts';

/** Who the chat is with, about what, since when, and whether the customer is still there. */
export function ChatHeader({ chat, actions }: { chat: ChatSummary; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="chat-header">
      <div>
        <h2>{chat.customerName ?? t('chats.anonymous')}</h2>
        <p className="small muted">
          {chat.topic ?? t('chats.noTopic')} · {t('chats.started', { at: formatDateTime(chat.startedAt) })} ·{' '}
          <span className={`presence-dot${chat.customerOnline ? ' is-online' : ''}`} aria-hidden="true" />{' '}
          <span data-testid="customer-presence">{chat.customerOnline ? t('chats.online') : t('chats.offline')}</span>
        </p>
      </div>
      <div className="chat-header-actions">
        <Badge tone={chat.status === 'active' ? 'ok' : chat.status === 'waiting' ? 'accent' : 'muted'}>{t(`chats.status.${chat.status}`)}</Badge>
        {actions}
      </div>
    </header>
  );
}

/** ✓ delivered (the server has the message), ✓✓ read (the customer's read mark covers it). */
export function ChatTicks({ message, customerReadSeq }: { message: ChatMessage; customerReadSeq: number }) {
  const { t } = useTranslation();
  const tick = tickOf(message, customerReadSeq);
  if (!tick) return null;
  return (
    <span className={`chat-tick tick-${tick}`} title={t(`chats.tick.${tick}`)} data-testid="tick">
      <span aria-hidden="true">{tick === 'read' ? '✓✓' : '✓'}</span>
      <span className="visually-hidden">{t(`chats.tick.${tick}`)}</span>
    </span>
  );
}
