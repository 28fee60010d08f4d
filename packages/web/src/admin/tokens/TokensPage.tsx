import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { keys } from '../../api/keys.ts';
import type { ApiToken, CreatedApiToken } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { SecretDialog } from '../../ui/SecretDialog.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { CreateTokenDialog } from './CreateTokenDialog.tsx';

/** API tokens for integrations (P3). The secret exists in the browser only for the moment after creation. */
export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const tokens = useQuery({ queryKey: keys.apiTokens, queryFn: () => fetchAll<ApiToken>('/api-tokens') });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${id}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.apiTokens }),
  });

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), render: (x) => <strong>{x.name}</strong> },
    { key: 'role', header: t('users.role'), render: (x) => t(`roles.${x.role}`) },
    { key: 'createdAt', header: t('common.created'), className: 'nowrap', render: (x) => formatDateTime(x.createdAt) },
    { key: 'lastUsedAt', header: t('tokens.lastUsed'), className: 'nowrap', render: (x) => formatDateTime(x.lastUsedAt) },
    {
      key: 'status',
      header: t('common.status'),
      render: (x) =>
        x.revokedAt ? (
          <Badge tone="warn">{t('tokens.revokedAt', { at: formatDateTime(x.revokedAt) })}</Badge>
        ) : (
          <Badge tone="ok">{t('common.active')}</Badge>
        ),
    },
    {
      key: 'actions',
      header: '',
      className: 'actions',
      render: (x) =>
        x.revokedAt ? null : (
          <ConfirmButton label={t('tokens.revoke')} confirmLabel={t('tokens.revokeConfirm')} onConfirm={() => revoke.mutate(x.id)} />
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.tokens')}
        subtitle={t('tokens.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      <ProblemAlert error={revoke.error} />
      <Table
        columns={columns}
        rows={tokens.data}
        rowKey={(x) => x.id}
        loading={tokens.isPending}
        error={tokens.error}
        rowClassName={(x) => (x.revokedAt ? 'is-muted' : undefined)}
        caption={t('admin.tokens')}
        empty={t('tokens.empty')}
      />
      {creating ? (
        <CreateTokenDialog
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
            void queryClient.invalidateQueries({ queryKey: keys.apiTokens });
          }}
        />
      ) : null}
      {created ? (
        <SecretDialog
          title={t('tokens.secretTitle', { name: created.name })}
          secret={created.secret}
          notice={t('tokens.secretOnce')}
          onClose={() => setCreated(null)}
        />
      ) : null}
    </>
  );
}
