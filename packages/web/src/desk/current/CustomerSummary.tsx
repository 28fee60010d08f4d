import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Page } from '../../api/types.ts';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ChannelBadge } from '../common/ChannelBadge.tsx';
import type { Customer, TimelineEntry } from '../types.ts';

/**
 * Who is on the line: the card's essentials and the last contacts on any channel, so the
 * operator sees "called yesterday about the same router" without leaving the contact.
 * (Reading the card is audited, like any view of personal data.)
 */
export function CustomerSummary({ customerId, currentContactId }: { customerId: string | null; currentContactId: string }) {
  const { t } = useTranslation();
  const card = useQuery({
    queryKey: [...keys.customers, customerId],
    queryFn: () => api.get<Customer>(`/customers/${customerId}`),
    enabled: !!customerId,
  });
  const history = useQuery({
    queryKey: [...keys.customers, customerId, 'timeline', 'recent'],
    queryFn: () => api.get<Page<TimelineEntry | { kind: string; at: string }>>(`/customers/${customerId}/timeline`, { limit: 8 }),
    enabled: !!customerId,
  });
  if (!customerId) return <section className="card workspace-customer"><p className="muted">{t('workspace.noCustomer')}</p></section>;
  return (
    <section className="card workspace-customer" aria-label={t('workspace.customer')}>
      <ProblemAlert error={card.error ?? history.error} />
      {card.data ? (
        <>
          <h2><Link to={`/desk/customers/${card.data.id}`}>{card.data.name}</Link></h2>
          {card.data.organization ? <p className="small muted">{card.data.organization}</p> : null}
          <ul className="plain-list small">
            {card.data.identifiers.map((i) => <li key={`${i.kind}:${i.value}`}><span className="muted">{t(`desk.identifier.${i.kind}`)}:</span> {i.value}</li>)}
          </ul>
          {card.data.notes ? <p className="notes small">{card.data.notes}</p> : null}
        </>
      ) : null}
      <h3>{t('workspace.history')}</h3>
      <ol className="workspace-history">
        {history.data?.items.map((e, i) =>
          e.kind === 'contact' ? (
            <li key={i} className={(e as TimelineEntry).contact.id === currentContactId ? 'is-current' : undefined}>
              <ChannelBadge channel={(e as TimelineEntry).contact.channel} />{' '}
              <span className="small">{formatDateTime(e.at)}</span>
              <div className="small">{(e as TimelineEntry).contact.subject ?? (e as TimelineEntry).contact.outcome ?? '—'}</div>
            </li>
          ) : (
            <li key={i}><span className="chip">{t(`workspace.kind.${e.kind}`, { defaultValue: e.kind })}</span> <span className="small">{formatDateTime(e.at)}</span></li>
          ),
        )}
      </ol>
    </section>
  );
}
