import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import type { Page } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import type { Contact } from '../types.ts';
import { AttemptDialog } from './AttemptDialog.tsx';
import { callbackKeys, type Callback } from './types.ts';
import './callbacks.css';

type Filter = 'mine' | 'open' | 'overdue' | 'all';
const QUERY: Record<Filter, Record<string, string>> = {
  mine: { status: 'open', assignee: 'me' },
  open: { status: 'open' },
  overdue: { overdue: 'true' },
  all: {},
};
const TONE = { open: 'accent', done: 'ok', failed: 'warn', cancelled: 'muted' } as const;

/**
 * Missed contacts and callback tasks (A10): the missed calls nobody is calling back yet, each
 * one click from a task; and the tasks by due time, overdue ones marked, with "I called".
 */
export function CallbacksPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const hotlineName = (id: string) => hotlines.data?.find((h) => h.id === id)?.name ?? '';
  const [filter, setFilter] = useState<Filter>('open');
  const [calling, setCalling] = useState<Callback | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: callbackKeys.all });
  const missed = useQuery({
    queryKey: callbackKeys.missed,
    queryFn: () => api.get<Page<Contact>>('/callbacks/missed', { limit: 50 }),
  });
  const tasks = useQuery({
    queryKey: callbackKeys.list(filter),
    queryFn: () => api.get<Page<Callback>>('/callbacks', { limit: 100, ...QUERY[filter] }),
  });
  const plan = useMutation({
    mutationFn: (contactId: string) => api.post<Callback>('/callbacks', { contactId, reason: t('callbacks.missedReason') }),
    onSettled: refresh,
  });

  const missedColumns: Column<Contact>[] = [
    { key: 'at', header: t('callbacks.missedAt'), className: 'nowrap', render: (c) => formatDateTime(c.abandonedAt ?? c.createdAt) },
    { key: 'hotline', header: t('callbacks.hotline'), render: (c) => hotlineName(c.hotlineId) },
    { key: 'customer', header: t('callbacks.customer'), render: (c) => (c.customerId ? <Link to={`/desk/customers/${c.customerId}`}>{c.customerName}</Link> : '—') },
    {
      key: 'actions', header: '', className: 'actions',
      render: (c) => (
        <Button size="sm" variant="primary" busy={plan.isPending && plan.variables === c.id} onClick={() => plan.mutate(c.id)}>
          {t('callbacks.plan')}
        </Button>
      ),
    },
  ];
  const taskColumns: Column<Callback>[] = [
    {
      key: 'due', header: t('callbacks.due'), className: 'nowrap',
      render: (c) => <>{formatDateTime(c.dueAt)} {c.overdue ? <Badge tone="warn">{t('callbacks.overdue')}</Badge> : null}</>,
    },
    { key: 'phone', header: t('callbacks.phone'), className: 'nowrap', render: (c) => <a href={`tel:${c.phone}`}>{c.phone}</a> },
    { key: 'customer', header: t('callbacks.customer'), render: (c) => (c.customerId ? <Link to={`/desk/customers/${c.customerId}`}>{c.customerName}</Link> : '—') },
    { key: 'reason', header: t('callbacks.reason'), render: (c) => c.reason ?? '' },
    { key: 'hotline', header: t('callbacks.hotline'), render: (c) => hotlineName(c.hotlineId) },
    { key: 'assignee', header: t('callbacks.assignee'), render: (c) => c.assigneeName ?? t('callbacks.nobody') },
    {
      key: 'status', header: t('common.status'),
      render: (c) => (
        <>
          <Badge tone={TONE[c.status]}>{t(`callbacks.status.${c.status}`)}</Badge>{' '}
          {c.attempts > 0 ? <span className="small muted">{t('callbacks.attempts', { count: c.attempts })}{c.lastOutcome ? `, ${t(`callbacks.outcome.${c.lastOutcome}`)}` : ''}</span> : null}
        </>
      ),
    },
    {
      key: 'actions', header: '', className: 'actions',
      render: (c) => (c.status === 'open' ? <Button size="sm" variant="primary" onClick={() => setCalling(c)}>{t('callbacks.called')}</Button>
        : c.resultContactId ? <span className="small muted">{t('callbacks.registered')}</span> : null),
    },
  ];

  return (
    <>
      <PageHeader title={t('callbacks.title')} subtitle={t('callbacks.subtitle')} />
      <section className="card" aria-label={t('callbacks.missed')}>
        <h2>{t('callbacks.missed')}</h2>
        <ProblemAlert error={plan.error} />
        <Table columns={missedColumns} rows={missed.data?.items} rowKey={(c) => c.id} loading={missed.isPending} error={missed.error}
          caption={t('callbacks.missed')} empty={t('callbacks.noMissed')} />
      </section>
      <section className="card" aria-label={t('callbacks.tasks')}>
        <h2>{t('callbacks.tasks')}</h2>
        <div className="segmented" role="group" aria-label={t('callbacks.filter')}>
          {(Object.keys(QUERY) as Filter[]).map((f) => (
            <Button key={f} size="sm" variant={filter === f ? 'primary' : 'secondary'} aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`callbacks.filters.${f}`)}
            </Button>
          ))}
        </div>
        <Table columns={taskColumns} rows={tasks.data?.items} rowKey={(c) => c.id} loading={tasks.isPending} error={tasks.error}
          rowClassName={(c) => (c.overdue ? 'is-warn' : undefined)} caption={t('callbacks.tasks')} empty={t('callbacks.noTasks')} />
      </section>
      {calling ? (
        <AttemptDialog callback={calling} onClose={() => setCalling(null)} onDone={() => { setCalling(null); refresh(); }} />
      ) : null}
    </>
  );
}
