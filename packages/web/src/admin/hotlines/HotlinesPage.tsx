import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClients, useHotlines } from '../../api/referenceData.ts';
import type { Hotline } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { HotlineDialog } from './HotlineDialog.tsx';

function countTopics(topics: Hotline['topics']): number {
  return topics.reduce((n, topic) => n + 1 + countTopics(topic.children), 0);
}

export function HotlinesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('hotlines.edit');
  const [clientId, setClientId] = useState('');
  const [editing, setEditing] = useState<Hotline | 'new' | null>(null);
  const clients = useClients(me.permissions.includes('clients.view'));
  const hotlines = useHotlines(clientId || undefined);
  const clientName = (id: string) => clients.data?.find((c) => c.id === id)?.name ?? '…';

  const columns: Column<Hotline>[] = [
    { key: 'name', header: t('hotlines.name'), render: (h) => <strong>{h.name}</strong> },
    { key: 'code', header: t('hotlines.code'), render: (h) => <span className="mono">{h.code}</span> },
    { key: 'client', header: t('hotlines.client'), render: (h) => clientName(h.clientId) },
    {
      key: 'channels',
      header: t('hotlines.channels'),
      render: (h) => (
        <span className="chips">
          {h.channels.map((c) => (
            <span key={c} className="chip">
              {t(`channels.${c}`)}
            </span>
          ))}
        </span>
      ),
    },
    { key: 'topics', header: t('hotlines.topics'), className: 'num', render: (h) => countTopics(h.topics) },
    { key: 'tz', header: t('hotlines.timeZone'), className: 'nowrap', render: (h) => h.timeZone },
    {
      key: 'active',
      header: t('common.status'),
      render: (h) => (h.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.hotlines')}
        subtitle={t('hotlines.subtitle')}
        actions={
          canEdit ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              {t('hotlines.create')}
            </Button>
          ) : null
        }
      />
      <div className="filters">
        <label className="filter">
          <span>{t('hotlines.client')}</span>
          <select value={clientId} onChange={(e) => setClientId(e.target.value)} name="clientFilter">
            <option value="">{t('common.all')}</option>
            {clients.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Table
        columns={columns}
        rows={hotlines.data}
        rowKey={(h) => h.id}
        loading={hotlines.isPending}
        error={hotlines.error}
        onRowClick={canEdit ? (h) => setEditing(h) : undefined}
        rowClassName={(h) => (h.active ? undefined : 'is-muted')}
        caption={t('admin.hotlines')}
      />
      {editing ? (
        <HotlineDialog
          hotline={editing === 'new' ? null : editing}
          clients={clients.data ?? []}
          defaultClientId={clientId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
