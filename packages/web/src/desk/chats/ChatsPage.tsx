import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useAgentMe } from '../../wallboard/acd/queries.ts';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.tsx';
import type { Contact } from '../types.ts';
import { ChatList } from './ChatList.tsx';
import { ChatPane } from './ChatPane.tsx';
import { useMyChats } from './queries.ts';
import { chatKeys } from './types.ts';
import { useDrafts } from './useDrafts.ts';
import './chats.css';

/**
 * «Чаты»: every chat the operator holds at once (up to the capacity the ACD gives them), one tab
 * each; the chosen one beside the knowledge base, whose answers go into that chat's draft. Each
 * chat keeps its own unsent draft while the operator switches. The list is kept live by the
 * desk (useChatsBadge), so a chat accepted from the offer popup appears here at once.
 */
export function ChatsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useAgentMe();
  const chats = useMyChats();
  const { drafts, setDraft, keepOnly } = useDrafts();
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const list = chats.data ?? [];
  const selected = list.find((c) => c.contactId === id)?.contactId ?? list[0]?.contactId ?? null;
  // The contact record says which hotline's knowledge applies.
  const contact = useQuery({ queryKey: [...keys.contacts, selected ?? ''], queryFn: () => api.get<Contact>(`/contacts/${selected}`), enabled: selected !== null });

  useEffect(() => {
    if (chats.data) keepOnly(chats.data.map((c) => c.contactId));
  }, [chats.data, keepOnly]);
  // Opened for a chat just accepted that the list does not show yet: re-read it once, not in a loop.
  const qc = useQueryClient();
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!id || !chats.data || chats.data.some((c) => c.contactId === id) || asked.current === id) return;
    asked.current = id;
    void qc.invalidateQueries({ queryKey: chatKeys.mine });
  }, [id, chats.data, qc]);

  if (me.data && !me.data.agent) return <p className="muted">{t('agentDesk.mine.notAgent')}</p>;
  const insert = (text: string) => {
    if (!selected) return;
    setDraft(selected, (d) => (d ? `${d.trimEnd()}\n\n${text}` : text));
    replyRef.current?.focus();
  };
  return (
    <>
      <PageHeader title={t('chats.title')} subtitle={t('chats.subtitle')} />
      <ProblemAlert error={chats.error} />
      {chats.data && list.length === 0 ? <p className="muted">{t('chats.empty')}</p> : null}
      {selected ? (
        <div className="chats">
          <ChatList chats={list} selected={selected} drafts={drafts} onSelect={(x) => navigate(`/desk/chats/${x}`)} />
          <ChatPane key={selected} ref={replyRef} contactId={selected} draft={drafts[selected] ?? ''} onDraft={(text) => setDraft(selected, text)} />
          <KnowledgePanel hotlineId={contact.data?.hotlineId ?? ''} onInsert={insert} />
        </div>
      ) : null}
    </>
  );
}
