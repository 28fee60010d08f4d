import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client.ts';
import { formatShort } from '../../ui/format.ts';
import { formatSize } from '../attachments/types.ts';

export interface TranscriptMessage {
  id: string;
  author: 'customer' | 'agent' | 'system';
  authorName: string | null;
  body: string;
  createdAt: string;
  attachment?: { id: string; fileName: string; size: number } | null;
}

interface Props<M extends TranscriptMessage> {
  contactId: string;
  messages: readonly M[] | undefined;
  /** Shown after a message's time (the chat's delivered/read ticks). */
  status?: (m: M) => ReactNode;
  /** Under the last message (the chat's "customer is typing…"). */
  footer?: ReactNode;
}

/**
 * The messages of a written contact, oldest first, as the operator's workspace, the chat desk and
 * a lead watching a chat all show them. Keeps the newest message in view as messages arrive.
 */
export function Transcript<M extends TranscriptMessage>({ contactId, messages, status, footer }: Props<M>) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const count = messages?.length ?? 0;
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, footer]);
  return (
    <ol className="transcript" aria-live="polite" ref={list}>
      {messages?.map((m) => (
        <li key={m.id} className={`msg msg-${m.author}`}>
          <div className="msg-meta small muted">
            {m.author === 'customer' ? t('workspace.customerSays') : m.authorName ?? t('workspace.system')} · {formatShort(m.createdAt)}
            {status ? <> {status(m)}</> : null}
          </div>
          {/* A file's message carries its name as the text: shown once, as the link. */}
          {m.body && m.body !== m.attachment?.fileName ? <div className="msg-body">{m.body}</div> : null}
          {m.attachment ? (
            <div className="msg-attachment">
              <a href={`${API_BASE}/contacts/${contactId}/attachments/${m.attachment.id}`} download={m.attachment.fileName}>{m.attachment.fileName}</a>{' '}
              <span className="muted small">{formatSize(m.attachment.size, i18n.language)}</span>
            </div>
          ) : null}
        </li>
      ))}
      {count === 0 ? <li className="muted small">{t('workspace.noMessages')}</li> : null}
      {footer ? <li className="transcript-footer small muted">{footer}</li> : null}
    </ol>
  );
}
