import { period } from '../../ui/period.ts';
import { useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { keys } from '../../api/keys.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditEntry, type Page, type User } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { AuditDiff } from './AuditDiff.tsx';

const PAGE_SIZE = 50;

interface Filters {
  entity: string;
  action: string;
  actorId: string;
  from: string; // yyyy-mm-dd, the user's local day
  to: string;
}


const ACTION_TONE = { create: 'ok', update: 'accent', delete: 'warn', read: 'neutral', merge: 'accent' } as const;

/** Who changed what and when (P2): filterable, with the before/after of each change one click away. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ entity: '', action: '', actorId: '', from: '', to: '' });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const set = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const actors = useQuery({ queryKey: [...keys.users, 'all'], queryFn: () => fetchAll<User>('/users') });

  const audit = useInfiniteQuery({
    queryKey: [...keys.audit, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(
        '/audit',
        {
          entity: filters.entity,
          action: filters.action,
          actorId: filters.actorId,
          ...period(filters.from, filters.to),
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    {
      key: 'expand',
      header: '',
      className: 'expand',
      render: (e) => (
        <button
          type="button"
          className={`expander${open.has(e.id) ? ' is-open' : ''}`}
          aria-expanded={open.has(e.id)}
          aria-label={t('audit.details')}
          onClick={(ev) => {
            ev.stopPropagation();
            toggle(e.id);
          }}
        >
          ›
        </button>
      ),
    },
    { key: 'at', header: t('audit.at'), className: 'nowrap', render: (e) => formatDateTime(e.at) },
    {
      key: 'actor',
      header: t('audit.actor'),
      render: (e) => (
        <span>
          {e.actorName ?? t(`audit.kind.${e.actorKind}`)}
          {e.actorKind !== 'user' ? <span className="muted small"> · {t(`audit.kind.${e.actorKind}`)}</span> : null}
        </span>
      ),
    },
    { key: 'action', header: t('audit.action'), render: (e) => <Badge tone={ACTION_TONE[e.action]}>{t(`audit.actions.${e.action}`)}</Badge> },
    { key: 'entity', header: t('audit.entity'), render: (e) => t(`audit.entities.${e.entity}`, { defaultValue: e.entity }) },
    { key: 'summary', header: t('audit.object'), render: (e) => <span className="audit-summary">{summary(e)}</span> },
  ];

  return (
    <>
      <PageHeader title={t('admin.audit')} subtitle={t('audit.subtitle')} />
      <div className="filters">
        <label className="filter">
          <span>{t('audit.entity')}</span>
          <select name="entity" value={filters.entity} onChange={(e) => set('entity', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {AUDIT_ENTITIES.map((x) => (
              <option key={x} value={x}>
                {t(`audit.entities.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.action')}</span>
          <select name="action" value={filters.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {AUDIT_ACTIONS.map((x) => (
              <option key={x} value={x}>
                {t(`audit.actions.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.actor')}</span>
          <select name="actorId" value={filters.actorId} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {actors.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.login})
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span>{t('audit.from')}</span>
          <input type="date" name="from" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('audit.to')}</span>
          <input type="date" name="to" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
      </div>
      <Table
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        loading={audit.isPending}
        error={audit.error}
        onRowClick={(e) => toggle(e.id)}
        renderDetail={(e) => (open.has(e.id) ? <AuditDiff before={e.before} after={e.after} /> : null)}
        caption={t('admin.audit')}
        empty={t('audit.empty')}
      />
      {audit.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void audit.fetchNextPage()} busy={audit.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** A readable name for the changed object: its name or login from after/before, else its id. */
function summary(e: AuditEntry): string {
  for (const side of [e.after, e.before]) {
    if (side && typeof side === 'object') {
      const o = side as Record<string, unknown>;
      const label = [o.name, o.login, o.code].find((v) => typeof v === 'string' && v);
      if (typeof label === 'string') return label;
    }
  }
  return e.entityId ?? '—';
}
