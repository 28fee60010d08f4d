import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import type { Page } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useCurrentUser } from '../../session/useMe.ts';
import { ChannelBadge } from '../common/ChannelBadge.tsx';
import { topicLabel } from '../common/labels.ts';
import type { Customer, TimelineEntry } from '../types.ts';
import { CustomerEditDialog } from './CustomerEditDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { CaseTimelineItem } from '../cases/CaseTimelineItem.tsx';
import type { CaseTimelineEntry } from '../cases/types.ts';

/**
 * The customer card (A2): identifiers, organization, notes, consents, and one timeline of every
 * contact on every channel. Opening it is recorded in the audit log (152-FZ) by the server.
 */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const hotlines = useHotlines();
  const byId = useMemo(() => new Map((hotlines.data ?? []).map((h) => [h.id, h])), [hotlines.data]);
  const card = useQuery({ queryKey: [...keys.customers, id], queryFn: () => api.get<Customer>(`/customers/${id}`) });
  const timeline = useInfiniteQuery({
    queryKey: [...keys.customers, id, 'timeline'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<TimelineEntry | CaseTimelineEntry>>(`/customers/${id}/timeline`, { cursor: pageParam, limit: 30 }),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (card.error) return <ProblemAlert error={card.error} />;
  const c = card.data;
  if (!c) return <p className="muted">{t('common.loading')}</p>;
  const entries = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="customer-page">
      <section className="card customer-card" aria-labelledby="customer-name">
        <div className="customer-head">
          <span className="avatar avatar-lg" aria-hidden="true">{c.name.slice(0, 1)}</span>
          <div className="customer-title">
            <h1 id="customer-name">{c.name}</h1>
            {c.organization ? <p className="muted">{c.organization}</p> : null}
          </div>
          <div className="page-actions">
            {me.permissions.includes('customers.edit') ? <Button onClick={() => setDialog('edit')}>{t('desk.customer.edit')}</Button> : null}
            {me.permissions.includes('customers.merge') ? <Button onClick={() => setDialog('merge')}>{t('desk.customer.merge')}</Button> : null}
            {me.permissions.includes('cases.edit') ? <Link className="btn" to={`/desk/cases/new?customerId=${c.id}`}>{t('cases.create')}</Link> : null}
            {me.permissions.includes('cases.view') ? <Link className="btn" to={`/desk/orders?customerId=${c.id}`}>{t('orders.title')}</Link> : null}
          </div>
        </div>
        <dl className="facts facts-3">
          <div>
            <dt>{t('desk.customer.identifiers')}</dt>
            <dd className="chips">
              {c.identifiers.length === 0 ? '—' : c.identifiers.map((i) => (
                <span key={i.kind + i.value} className="chip" title={t(`desk.identifier.${i.kind}`)}>{i.value}</span>
              ))}
            </dd>
          </div>
          <div><dt>{t('desk.customer.since')}</dt><dd>{formatDate(c.createdAt)}</dd></div>
          <div>
            <dt>{t('desk.customer.consents')}</dt>
            <dd>{c.consents.length === 0 ? '—' : c.consents.map((k) => (
              <Badge key={k.kind} tone={k.granted ? 'ok' : 'muted'}>{t(`desk.consent.${k.kind}`)}</Badge>
            ))}</dd>
          </div>
        </dl>
        {c.notes ? <p className="notes">{c.notes}</p> : null}
        <p className="small muted audit-note">{t('desk.customer.audited')}</p>
      </section>

      <h2 className="section-title">{t('desk.customer.timeline')}</h2>
      <ProblemAlert error={timeline.error} />
      <ol className="timeline" aria-label={t('desk.customer.timeline')}>
        {entries.map((e) => e.kind !== 'contact' ? <CaseTimelineItem key={`${e.kind}-${e.kind === 'case' ? e.case.id : e.notice.id}`} entry={e} /> : (
          <li key={e.contact.id} className="timeline-item">
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <ChannelBadge channel={e.contact.channel} />
                <strong>{e.contact.subject ?? t('desk.customer.noSubject')}</strong>
                <span className="muted small">{formatDateTime(e.at)}</span>
              </div>
              <div className="small muted">
                {byId.get(e.contact.hotlineId)?.name ?? ''} · {topicLabel(byId.get(e.contact.hotlineId), e.contact.topicId)}
                {e.contact.agentName ? ` · ${e.contact.agentName}` : ''}
              </div>
              {e.contact.notes ? <p className="timeline-notes">{e.contact.notes}</p> : null}
              <div className="timeline-foot">
                <Badge tone={e.contact.status === 'open' ? 'warn' : 'ok'}>{t(`desk.status.${e.contact.status}`)}</Badge>
                {e.contact.outcome ? <span className="chip">{e.contact.outcome}</span> : null}
              </div>
            </div>
          </li>
        ))}
        {timeline.data && entries.length === 0 ? <li className="muted">{t('desk.customer.noContacts')}</li> : null}
      </ol>
      {timeline.hasNextPage ? (
        <div className="load-more"><Button onClick={() => void timeline.fetchNextPage()}>{t('desk.journal.more')}</Button></div>
      ) : null}
      <p><Link to={`/desk?customerId=${c.id}`}>{t('desk.customer.inJournal')}</Link></p>
      {dialog === 'edit' ? <CustomerEditDialog customer={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <MergeDialog keep={c} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
