import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useClients } from '../../api/referenceData.ts';
import type { Page, User } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { roleOptions } from '../roleOptions.ts';
import { UserDialog } from './UserDialog.tsx';

const PAGE_SIZE = 200;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('users.edit');
  const [role, setRole] = useState('');
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const clients = useClients(me.permissions.includes('clients.view'));
  const users = useQuery({
    queryKey: [...keys.users, { role, q }],
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { role, q: q.trim(), limit: PAGE_SIZE }, signal),
    placeholderData: (previous) => previous,
  });
  const clientName = (id: string | null) => (id ? (clients.data?.find((c) => c.id === id)?.name ?? '…') : '—');

  const columns: Column<User>[] = [
    { key: 'name', header: t('users.name'), render: (u) => <strong>{u.name}</strong> },
    { key: 'login', header: t('users.login'), render: (u) => <span className="mono">{u.login}</span> },
    { key: 'role', header: t('users.role'), render: (u) => t(`roles.${u.role}`) },
    { key: 'email', header: t('users.email'), render: (u) => u.email ?? '—' },
    { key: 'client', header: t('users.client'), render: (u) => clientName(u.clientId) },
    {
      key: 'active',
      header: t('common.status'),
      render: (u) => (u.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.users')}
        subtitle={t('users.subtitle')}
        actions={
          canEdit ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <div className="filters">
        <label className="filter">
          <span>{t('users.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value)} name="roleFilter">
            <option value="">{t('common.all')}</option>
            {roleOptions(t).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter filter-grow">
          <span>{t('common.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('users.searchHint')} name="q" />
        </label>
      </div>
      <Table
        columns={columns}
        rows={users.data?.items}
        rowKey={(u) => u.id}
        loading={users.isPending}
        error={users.error}
        onRowClick={canEdit ? (u) => setEditing(u) : undefined}
        rowClassName={(u) => (u.active ? undefined : 'is-muted')}
        caption={t('admin.users')}
      />
      {users.data?.nextCursor ? <p className="muted small">{t('users.refine', { count: PAGE_SIZE })}</p> : null}
      {editing ? (
        <UserDialog user={editing === 'new' ? null : editing} clients={clients.data ?? []} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
