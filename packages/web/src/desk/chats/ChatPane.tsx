import { forwardRef, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { acdKeys, useAgentMe } from '../../wallboard/acd/queries.ts';
import { useAgentActions } from '../agent/useAgentActions.ts';
import { ReplyBox } from '../current/ReplyBox.tsx';
import { Transcript } from '../current/Transcript.tsx';
import { lastCustomerSeq, withMessage } from './chatState.ts';
import { ChatHeader, ChatTicks } from './ChatParts.tsx';
import { useChat } from './queries.ts';
import { useWordedLines } from './systemLines.ts';
import { trackRead } from './pendingReads.ts';
import { chatKeys, type ChatDetail, type ChatMessage, type ChatSummary } from './types.ts';
import { usePageVisible } from './usePageVisible.ts';
import { useTypingSignal } from './useTypingSignal.ts';
import { useVisibleChat } from './visibleChat.ts';

interface Props {
  contactId: string;
  draft: string;
  onDraft: (text: string) => void;
}

/**
 * One chat in the operator's hands: the live transcript with delivered/read ticks, the customer
 * typing, the reply (Ctrl+Enter sends; the typing signal goes out while writing), a file, the
 * end of the chat and then the wrap-up the ACD started. Customer messages on screen are marked
 * read as they arrive, as long as the browser tab is shown.
 */
export const ChatPane = forwardRef<HTMLTextAreaElement, Props>(function ChatPane({ contactId, draft, onDraft }, ref) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const chat = useChat(contactId);
  const agentMe = useAgentMe();
  const { onContact } = useAgentActions();
  const pageVisible = usePageVisible();
  useVisibleChat(pageVisible ? contactId : null);
  const c = chat.data;
  const lines = useWordedLines(c?.messages);
  const active = c?.status === 'active';
  const typing = useTypingSignal(contactId, active);
  // One id per message being sent: a retry after a lost answer must not post it twice.
  const clientId = useRef<string | null>(null);

  const putMessage = (m: ChatMessage) => qc.setQueryData<ChatDetail>(chatKeys.one(contactId), (d) => (d ? { ...d, messages: withMessage(d.messages, m), lastMessage: m } : d));

  const lastSeq = c ? lastCustomerSeq(c.messages) : 0;
  const readSeq = c?.agentReadSeq ?? 0;
  useEffect(() => {
    if (!pageVisible || lastSeq <= readSeq) return;
    qc.setQueryData<ChatDetail>(chatKeys.one(contactId), (d) => (d ? { ...d, agentReadSeq: lastSeq, unread: 0 } : d));
    // A reading of the list already under way counts from the old mark: drop it, clear the count
    // here at once, and read the list again once the mark is stored.
    void qc.cancelQueries({ queryKey: chatKeys.mine });
    qc.setQueryData<ChatSummary[]>(chatKeys.mine, (list) => list?.map((x) => (x.contactId === contactId ? { ...x, unread: 0 } : x)));
    // A lost read mark only leaves the customer's ticks grey; the next message marks it again.
    trackRead(api.post(`/chats/${contactId}/read`, { seq: lastSeq }))
      .then(() => qc.invalidateQueries({ queryKey: chatKeys.mine }))
      .catch(() => undefined);
  }, [pageVisible, lastSeq, readSeq, contactId, qc]);

  const send = useMutation({
    mutationFn: (body: string) => {
      clientId.current ??= crypto.randomUUID();
      return api.post<ChatMessage>(`/chats/${contactId}/messages`, { body, clientId: clientId.current });
    },
    onSuccess: (m) => {
      clientId.current = null;
      putMessage(m);
      onDraft('');
      typing.stop();
    },
  });
  const attach = useMutation({
    mutationFn: (file: File) => api.upload<ChatMessage>(`/chats/${contactId}/attachments`, file, { fileName: file.name }),
    onSuccess: putMessage,
  });
  const end = useMutation({
    mutationFn: () => api.post<ChatSummary>(`/chats/${contactId}/end`),
    onSuccess: (s) => qc.setQueryData<ChatDetail>(chatKeys.one(contactId), (d) => (d ? { ...d, ...s } : d)),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: chatKeys.mine });
      void qc.invalidateQueries({ queryKey: acdKeys.me });
    },
  });

  if (!c) return <section className="card chat-pane"><ProblemAlert error={chat.error} />{chat.isPending ? <p className="muted">{t('common.loading')}</p> : null}</section>;
  const inAcd = agentMe.data?.contacts.find((x) => x.contactId === contactId);
  return (
    <section className="card chat-pane" aria-label={t('chats.chatWith', { name: c.customerName ?? t('chats.anonymous') })}>
      <ChatHeader chat={c} actions={
        <>
          <Link className="btn btn-sm btn-secondary" to={`/desk/contacts/${contactId}`}>{t('chats.openContact')}</Link>
          {c.status !== 'ended' ? <ConfirmButton label={t('chats.end')} confirmLabel={t('chats.endConfirm')} busy={end.isPending} onConfirm={() => end.mutate()} /> : null}
        </>
      } />
      <ProblemAlert error={chat.error ?? end.error} />
      <Transcript contactId={contactId} messages={lines}
        status={(m) => <ChatTicks message={m} customerReadSeq={c.customerReadSeq} />}
        footer={c.customerTyping ? t('chats.customerTyping') : null} />
      {c.status === 'ended' ? (
        <div className="chat-ended" role="status">
          <p>{t(`chats.endedBy.${c.endedBy ?? 'system'}`)}{c.endedAt ? ` · ${formatDateTime(c.endedAt)}` : ''}</p>
          {inAcd?.status === 'wrapUp' ? (
            <>
              <p className="small muted">{t('chats.wrapUpHint')}</p>
              <Button size="sm" variant="primary" busy={onContact.isPending} onClick={() => onContact.mutate({ contactId, action: 'wrap-up-end' }, { onSettled: () => void qc.invalidateQueries({ queryKey: chatKeys.mine }) })}>
                {t('chats.endWrapUp')}
              </Button>
            </>
          ) : null}
          <ProblemAlert error={onContact.error} />
        </div>
      ) : (
        <>
          {c.status === 'waiting' ? <p className="small muted"><Badge tone="accent">{t('chats.waiting')}</Badge> {t('chats.waitingHint')}</p> : null}
          <ReplyBox id={`reply-${contactId}`} ref={ref} value={draft} disabled={!active} busy={send.isPending}
            onChange={(text) => { onDraft(text); if (text) typing.typed(); else typing.stop(); }}
            onSend={() => send.mutate(draft.trim())}>
            <label className={`btn btn-secondary file-button${!active || attach.isPending ? ' is-disabled' : ''}`}>
              {attach.isPending ? t('chats.attaching') : t('chats.attach')}
              <input type="file" hidden disabled={!active || attach.isPending}
                onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) attach.mutate(file); }} />
            </label>
          </ReplyBox>
          <ProblemAlert error={send.error ?? attach.error} />
        </>
      )}
    </section>
  );
});
