import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { webhookKeys, type Delivery, type Webhook } from './types.ts';

const TONE = { delivered: 'ok', pending: 'accent', failed: 'warn' } as const;

/**
 * The last deliveries of one subscription: what was sent, how often, what the receiver said.
 * Refreshed every few seconds while open, since the sender works in the background.
 */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: webhookKeys.deliveries(webhook.id),
    queryFn: () => api.get<Page<Delivery>>(`/webhooks/${webhook.id}/deliveries`, { limit: 50 }),
    refetchInterval: 3000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => api.post<Delivery>(`/webhooks/${webhook.id}/deliveries/${id}/retry`, {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
  const columns: Column<Delivery>[] = [
    { key: 'createdAt', header: t('webhooks.log.at'), className: 'nowrap', render: (d) => formatDateTime(d.createdAt) },
    { key: 'event', header: t('webhooks.log.event'), render: (d) => <code>{d.eventType}</code> },
    { key: 'status', header: t('common.status'), render: (d) => <Badge tone={TONE[d.status]}>{t(`webhooks.status.${d.status}`)}</Badge> },
    { key: 'attempts', header: t('webhooks.log.attempts'), className: 'num', render: (d) => d.attempts },
    {
      key: 'answer',
      header: t('webhooks.log.answer'),
      render: (d) => d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—'),
    },
    {
      key: 'next',
      header: t('webhooks.log.next'),
      className: 'nowrap',
      render: (d) => (d.status === 'pending' ? formatDateTime(d.nextAttemptAt) : formatDateTime(d.deliveredAt)),
    },
    {
      key: 'actions',
      header: '',
      className: 'actions',
      render: (d) =>
        d.status === 'delivered' ? null : (
          <Button size="sm" onClick={() => retry.mutate(d.id)} busy={retry.isPending && retry.variables === d.id}>
            {t('webhooks.log.retry')}
          </Button>
        ),
    },
  ];
  return (
    <section className="panel" aria-label={t('webhooks.log.title', { name: webhook.name })}>
      <h3>{t('webhooks.log.title', { name: webhook.name })}</h3>
      <ProblemAlert error={retry.error} />
      <Table
        columns={columns}
        rows={deliveries.data?.items}
        rowKey={(d) => d.id}
        loading={deliveries.isPending}
        error={deliveries.error}
        empty={t('webhooks.log.empty')}
        caption={t('webhooks.log.title', { name: webhook.name })}
      />
    </section>
  );
}
