import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { SecretDialog } from '../../ui/SecretDialog.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { webhookKeys, type Webhook, type WebhookWithSecret } from './types.ts';
import { WebhookDialog } from './WebhookDialog.tsx';

/**
 * Webhook subscriptions (P3): an integration hears about contacts and cases as they happen.
 * The signing secret is in the browser only right after creating or rotating it.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: webhookKeys.all,
    queryFn: () => api.get<{ items: Webhook[] }>('/webhooks').then((r) => r.items),
    refetchInterval: 5000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
  const action = useMutation({
    mutationFn: async ({ kind, hook }: { kind: 'ping' | 'toggle' | 'rotate' | 'delete'; hook: Webhook }) => {
      if (kind === 'ping') return api.post(`/webhooks/${hook.id}/ping`, {});
      if (kind === 'toggle') return api.patch(`/webhooks/${hook.id}`, { active: !hook.active });
      if (kind === 'delete') return api.delete(`/webhooks/${hook.id}`);
      setSecret(await api.post<WebhookWithSecret>(`/webhooks/${hook.id}/rotate-secret`, {}));
      return null;
    },
    onSuccess: (_r, { kind, hook }) => {
      if (kind === 'delete') {
        setEditing(null);
        if (selected === hook.id) setSelected(null);
      }
      if (kind === 'ping') setSelected(hook.id);
    },
    onSettled: refresh,
  });
  const busy = (kind: string, hook: Webhook) => action.isPending && action.variables?.kind === kind && action.variables.hook.id === hook.id;

  const columns: Column<Webhook>[] = [
    { key: 'name', header: t('webhooks.name'), render: (x) => <strong>{x.name}</strong> },
    { key: 'url', header: t('webhooks.url'), render: (x) => <code className="break">{x.url}</code> },
    { key: 'events', header: t('webhooks.events'), render: (x) => x.events.join(', ') },
    {
      key: 'status',
      header: t('common.status'),
      render: (x) => (
        <>
          <Badge tone={x.active ? 'ok' : 'muted'}>{x.active ? t('common.active') : t('webhooks.paused')}</Badge>{' '}
          {x.pending > 0 ? <Badge tone="accent">{t('webhooks.pendingCount', { count: x.pending })}</Badge> : null}{' '}
          {x.failed > 0 ? <Badge tone="warn">{t('webhooks.failedCount', { count: x.failed })}</Badge> : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: '',
      className: 'actions',
      render: (x) => (
        <span className="row-actions" onClick={(e) => e.stopPropagation()}>
          <Button size="sm" onClick={() => setSelected(x.id)}>{t('webhooks.log.open')}</Button>
          <Button size="sm" disabled={!x.active} busy={busy('ping', x)} onClick={() => action.mutate({ kind: 'ping', hook: x })}>
            {t('webhooks.ping')}
          </Button>
          <Button size="sm" busy={busy('toggle', x)} onClick={() => action.mutate({ kind: 'toggle', hook: x })}>
            {x.active ? t('webhooks.pause') : t('webhooks.resume')}
          </Button>
          <ConfirmButton label={t('webhooks.rotate')} confirmLabel={t('webhooks.rotateConfirm')} busy={busy('rotate', x)} onConfirm={() => action.mutate({ kind: 'rotate', hook: x })} />
        </span>
      ),
    },
  ];
  const current = list.data?.find((x) => x.id === selected) ?? null;

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        actions={<Button variant="primary" onClick={() => setEditing('new')}>{t('webhooks.create')}</Button>}
      />
      <ProblemAlert error={action.error} />
      <Table
        columns={columns}
        rows={list.data}
        rowKey={(x) => x.id}
        loading={list.isPending}
        error={list.error}
        onRowClick={(x) => setEditing(x)}
        rowClassName={(x) => (x.active ? undefined : 'is-muted')}
        caption={t('webhooks.title')}
        empty={t('webhooks.empty')}
      />
      {current ? <DeliveryLog webhook={current} /> : null}
      {editing ? (
        <WebhookDialog
          webhook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            if ('signingSecret' in saved) setSecret(saved);
            refresh();
          }}
          onDelete={editing === 'new' ? undefined : () => action.mutate({ kind: 'delete', hook: editing })}
          deleting={editing !== 'new' && busy('delete', editing)}
        />
      ) : null}
      {secret ? (
        <SecretDialog
          title={t('webhooks.secretTitle', { name: secret.name })}
          secret={secret.signingSecret}
          notice={t('webhooks.secretOnce')}
          onClose={() => setSecret(null)}
        />
      ) : null}
    </>
  );
}
