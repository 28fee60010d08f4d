import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime, formatShort } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { money, type Order, type OrderEvent } from './types.ts';

export const orderKeys = { orders: ['orders'] as const, catalog: ['catalog'] as const };

/** Orders (A6): the list (a customer's, from the card), each with its status log and the moves allowed next. */
export function OrdersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const customerId = params.get('customerId') ?? undefined;
  const hotlines = useHotlines();
  const hotlineName = useMemo(() => new Map((hotlines.data ?? []).map((h) => [h.id, h.name])), [hotlines.data]);
  const list = useQuery({ queryKey: [...orderKeys.orders, { customerId }], queryFn: () => fetchAll<Order>('/orders', { customerId }) });
  const [open, setOpen] = useState<string | null>(null);
  const columns: Column<Order>[] = [
    { key: 'number', header: '№', className: 'num', render: (o) => o.number },
    { key: 'hotline', header: t('orders.hotline'), render: (o) => hotlineName.get(o.hotlineId) ?? '' },
    { key: 'lines', header: t('orders.lines'), render: (o) => o.lines.map((l) => `${l.name} × ${l.quantity}`).join('; ') },
    { key: 'total', header: t('orders.total'), className: 'num nowrap', render: (o) => money(o.total) },
    { key: 'status', header: t('orders.status'), render: (o) => <Badge tone={o.status === 'completed' ? 'ok' : o.status === 'cancelled' ? 'muted' : 'accent'}>{t(`orders.statuses.${o.status}`)}</Badge> },
    { key: 'created', header: t('common.created'), className: 'nowrap', render: (o) => formatShort(o.createdAt) },
  ];
  return (
    <>
      <PageHeader title={t('orders.title')}
        actions={me.permissions.includes('cases.edit') && customerId ? <Link className="btn btn-primary" to={`/desk/orders/new?customerId=${customerId}`}>{t('orders.create')}</Link> : null} />
      {customerId ? <p><Link to={`/desk/customers/${customerId}`}>{t('orders.backToCard')}</Link></p> : <p className="muted">{t('orders.fromCard')}</p>}
      <Table columns={columns} rows={list.data} rowKey={(o) => o.id} loading={list.isPending} error={list.error} caption={t('orders.title')}
        onRowClick={(o) => setOpen(open === o.id ? null : o.id)} renderDetail={(o) => (open === o.id ? <OrderDetail order={o} /> : null)} empty={t('orders.empty')} />
    </>
  );
}

function OrderDetail({ order }: { order: Order }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const events = useQuery({ queryKey: [...orderKeys.orders, order.id, 'events'], queryFn: () => api.get<{ items: OrderEvent[] }>(`/orders/${order.id}/events`) });
  const move = useMutation({
    mutationFn: (status: string) => api.post<Order>(`/orders/${order.id}/status`, { status }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.orders });
      // The customer was told: the notice is on their timeline now.
      void queryClient.invalidateQueries({ queryKey: keys.customers });
    },
  });
  return (
    <div>
      {order.address ? <p>{t('orders.address')}: {order.address}</p> : null}
      <ol className="case-events" aria-label={t('orders.log')}>
        {(events.data?.items ?? []).map((e) => (
          <li key={e.id}>{e.from ? `${t(`orders.statuses.${e.from}`)} → ` : ''}{t(`orders.statuses.${e.to}`)} <span className="muted small">{formatDateTime(e.createdAt)} · {e.actorName ?? ''}</span></li>
        ))}
      </ol>
      <ProblemAlert error={move.error} />
      {me.permissions.includes('cases.edit') ? (
        <div className="case-actions" role="group" aria-label={t('orders.moves')}>
          {order.allowedStatuses.map((s) => <Button key={s} size="sm" busy={move.isPending} onClick={() => move.mutate(s)}>{t(`orders.to.${s}`)}</Button>)}
        </div>
      ) : null}
    </div>
  );
}
