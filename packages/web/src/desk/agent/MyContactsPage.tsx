import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { useAcdQueues, useAgentMe } from '../../wallboard/acd/queries.ts';
import type { MyContact } from '../../wallboard/acd/types.ts';
import { ContactDetail } from '../journal/ContactDetail.tsx';
import type { Contact } from '../types.ts';
import { useAgentActions } from './useAgentActions.ts';

/** The contacts the agent holds now (offered, in progress, in wrap-up); a row opens its journal card. */
export function MyContactsPage() {
  const { t } = useTranslation();
  const me = useAgentMe();
  const queues = useAcdQueues();
  const { onContact } = useAgentActions();
  const [open, setOpen] = useState<string | null>(null);
  if (me.data && !me.data.agent) return <p className="muted">{t('agentDesk.mine.notAgent')}</p>;
  const columns: Column<MyContact>[] = [
    { key: 'status', header: t('agentDesk.mine.status'), render: (c) => <Badge tone={c.status === 'connected' ? 'ok' : c.status === 'offered' ? 'accent' : 'warn'}>{t(`acd.contactStatus.${c.status}`)}</Badge> },
    { key: 'queue', header: t('agentDesk.mine.queue'), render: (c) => queues.data?.find((q) => q.id === c.queueId)?.name ?? '' },
    { key: 'customer', header: t('agentDesk.mine.customer'), render: (c) => c.customerName ?? '—' },
    { key: 'subject', header: t('agentDesk.mine.subject'), render: (c) => c.subject ?? '—' },
    {
      key: 'actions',
      header: '',
      className: 'actions',
      render: (c) => (
        <span className="row-actions">
          {c.status !== 'offered' ? (
            // The one screen for handling it: customer, conversation, script, knowledge, cases, wrap-up;
            // a chat is answered on the chats screen, beside the agent's other chats.
            <Link className="btn btn-sm btn-primary" to={c.channel === 'chat' ? `/desk/chats/${c.contactId}` : `/desk/contacts/${c.contactId}`} onClick={(e) => e.stopPropagation()}>
              {t('workspace.openContact')}
            </Link>
          ) : null}
          {c.status === 'connected' ? (
            <Button size="sm" onClick={(e) => (e.stopPropagation(), onContact.mutate({ contactId: c.contactId, action: 'end' }))}>
              {t('agentDesk.mine.end')}
            </Button>
          ) : c.status === 'wrapUp' ? (
            <Button size="sm" onClick={(e) => (e.stopPropagation(), onContact.mutate({ contactId: c.contactId, action: 'wrap-up-end' }))}>
              {t('agentDesk.mine.endWrapUp')}
            </Button>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('agentDesk.mine.title')} />
      <ProblemAlert error={onContact.error} />
      <Table
        columns={columns}
        rows={me.data?.contacts}
        rowKey={(c) => c.contactId}
        loading={me.isPending}
        error={me.error}
        empty={t('agentDesk.mine.empty')}
        onRowClick={(c) => setOpen(open === c.contactId ? null : c.contactId)}
        renderDetail={(c) => (open === c.contactId ? <JournalCard id={c.contactId} /> : null)}
        caption={t('agentDesk.mine.title')}
      />
    </>
  );
}

/** The contact's card from the journal, as the journal itself shows it. */
function JournalCard({ id }: { id: string }) {
  const contact = useQuery({ queryKey: ['contacts', id], queryFn: () => api.get<Contact>(`/contacts/${id}`) });
  const hotlines = useHotlines();
  if (!contact.data) return <ProblemAlert error={contact.error} />;
  return <ContactDetail contact={contact.data} hotline={hotlines.data?.find((h) => h.id === contact.data.hotlineId)} />;
}
