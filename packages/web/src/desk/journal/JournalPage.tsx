import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS } from '@linia/engine';
import { useHotlines } from '../../api/referenceData.ts';
import type { Query } from '../../api/client.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatShort } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { useCurrentUser } from '../../session/useMe.ts';
import { ChannelBadge } from '../common/ChannelBadge.tsx';
import { topicLabel, topicOptions } from '../common/labels.ts';
import { period } from '../../ui/period.ts';
import type { Contact } from '../types.ts';
import { ContactDetail } from './ContactDetail.tsx';
import { exportUrl, useJournal } from './useJournal.ts';

const EMPTY = { q: '', from: '', to: '', channel: '', hotlineId: '', topicId: '', outcome: '', mine: '', customerId: '' };
type Filters = typeof EMPTY;

/**
 * The contact journal (журнал обращений): every contact on every channel, filtered and searched,
 * newest first. Filters live in the URL, so a filtered journal can be bookmarked or sent.
 */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters: Filters = { ...EMPTY, ...Object.fromEntries(params) };
  const [q, setQ] = useState(filters.q);
  const [open, setOpen] = useState<string | null>(null);
  const hotlines = useHotlines();
  const byId = useMemo(() => new Map((hotlines.data ?? []).map((h) => [h.id, h])), [hotlines.data]);
  const set = (key: keyof Filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'hotlineId') next.delete('topicId');
    setParams(next, { replace: true });
  };
  const query: Query = {
    q: filters.q, channel: filters.channel, hotlineId: filters.hotlineId, topicId: filters.topicId, outcome: filters.outcome,
    customerId: filters.customerId, agentId: filters.mine ? me.id : '', ...period(filters.from, filters.to),
  };
  const journal = useJournal(query);
  const rows = journal.data?.pages.flatMap((p) => p.items);
  const canRegister = me.permissions.includes('contacts.edit');

  // Six columns, two lines each where it helps (customer over hotline, subject over topic):
  // the journal stays readable at 1280 px and turns into cards on a phone.
  const columns: Column<Contact>[] = [
    { key: 'at', header: t('desk.journal.at'), className: 'nowrap', render: (c) => formatShort(c.createdAt) },
    { key: 'channel', header: t('desk.journal.channel'), render: (c) => <ChannelBadge channel={c.channel} /> },
    {
      key: 'customer', header: t('desk.journal.customer'), className: 'cell-two cell-customer',
      render: (c) => (
        <>
          {c.customerId ? <Link to={`/desk/customers/${c.customerId}`} onClick={(e) => e.stopPropagation()}>{c.customerName}</Link> : <span className="muted">—</span>}
          <span className="sub">{byId.get(c.hotlineId)?.name ?? ''}</span>
        </>
      ),
    },
    {
      key: 'subject', header: t('desk.journal.subject'), className: 'cell-two cell-subject',
      render: (c) => (
        <>
          <span>{c.subject ?? <span className="muted">{t('desk.customer.noSubject')}</span>}</span>
          <span className="sub">{topicLabel(byId.get(c.hotlineId), c.topicId)}</span>
        </>
      ),
    },
    { key: 'agent', header: t('desk.journal.agent'), className: 'nowrap', render: (c) => c.agentName ?? '—' },
    {
      key: 'outcome', header: t('desk.journal.outcome'), className: 'cell-two',
      render: (c) => (
        <>
          <Badge tone={c.status === 'open' ? 'warn' : 'ok'}>{t(`desk.status.${c.status}`)}</Badge>
          {c.outcome ? <span className="sub">{c.outcome}</span> : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('desk.journal.title')}
        subtitle={t('desk.journal.subtitle')}
        actions={
          <>
            <a className="btn" href={exportUrl(query, i18n.language)} download>
              {t('desk.journal.export')}
            </a>
            {canRegister ? (
              <Link className="btn btn-primary" to="/desk/new">
                {t('desk.journal.register')}
              </Link>
            ) : null}
          </>
        }
      />
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', q.trim());
        }}
      >
        <label className="filter filter-grow">
          <span>{t('desk.journal.search')}</span>
          <input type="search" name="q" value={q} placeholder={t('desk.journal.searchHint')} onChange={(e) => setQ(e.target.value)} onBlur={() => set('q', q.trim())} />
        </label>
        <label className="filter">
          <span>{t('desk.journal.from')}</span>
          <input type="date" name="from" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('desk.journal.to')}</span>
          <input type="date" name="to" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('desk.journal.channel')}</span>
          <select name="channel" value={filters.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {CONTACT_CHANNELS.map((c) => <option key={c} value={c}>{t(`desk.channels.${c}`)}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{t('desk.journal.hotline')}</span>
          <select name="hotlineId" value={filters.hotlineId} onChange={(e) => set('hotlineId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {hotlines.data?.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{t('desk.journal.topic')}</span>
          <select name="topicId" value={filters.topicId} disabled={!filters.hotlineId} onChange={(e) => set('topicId', e.target.value)}>
            <option value="">{filters.hotlineId ? t('common.all') : t('desk.journal.pickHotline')}</option>
            {topicOptions(byId.get(filters.hotlineId)).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <label className="filter">
          <span>{t('desk.journal.outcome')}</span>
          <input name="outcome" defaultValue={filters.outcome} onBlur={(e) => set('outcome', e.target.value.trim())} />
        </label>
        <label className="checkbox filter-check">
          <input type="checkbox" name="mine" checked={!!filters.mine} onChange={(e) => set('mine', e.target.checked ? '1' : '')} />
          <span>{t('desk.journal.mine')}</span>
        </label>
        {filters.customerId ? (
          <Button size="sm" variant="ghost" onClick={() => set('customerId', '')}>
            {t('desk.journal.clearCustomer')} ×
          </Button>
        ) : null}
        <button type="submit" className="visually-hidden">{t('common.search')}</button>
      </form>
      <Table
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        loading={journal.isPending}
        error={journal.error}
        onRowClick={(c) => setOpen(open === c.id ? null : c.id)}
        rowClassName={(c) => (open === c.id ? 'is-open' : undefined)}
        renderDetail={(c) => (open === c.id ? <ContactDetail contact={c} hotline={byId.get(c.hotlineId)} /> : null)}
        caption={t('desk.journal.title')}
        empty={t('desk.journal.empty')}
      />
      {journal.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void journal.fetchNextPage()} busy={journal.isFetchingNextPage}>
            {t('desk.journal.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
