import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import type { Page } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { formatShort } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { priorityTone, statusTone } from './labels.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { CASE_STATUSES, CASE_TYPES, type Case } from './types.ts';
import { caseKeys, useCaseUpdates, useGroups } from './useCases.ts';
import './cases.css';

const VIEWS = ['mine', 'group', 'overdue', 'all'] as const;
type View = (typeof VIEWS)[number];

/** The case list: my cases, my group's, overdue ones, or all; by type and status. */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  useCaseUpdates();
  const [view, setView] = useState<View>('group');
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const hotlines = useHotlines();
  const groups = useGroups();
  const hotlineName = useMemo(() => new Map((hotlines.data ?? []).map((h) => [h.id, h.name])), [hotlines.data]);
  const groupName = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const query = {
    mine: view === 'mine' ? 'true' : undefined,
    group: view === 'group' ? 'mine' : undefined,
    overdue: view === 'overdue' ? 'true' : undefined,
    type: type || undefined,
    status: status || undefined,
  };
  const list = useInfiniteQuery({
    queryKey: [...caseKeys.cases, 'list', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<Case>>('/cases', { ...query, cursor: pageParam, limit: 50 }),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((p) => p.items);

  const columns: Column<Case>[] = [
    { key: 'number', header: '№', className: 'num', render: (c) => c.number },
    { key: 'subject', header: t('cases.subject'), render: (c) => <Link to={`/desk/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.subject}</Link> },
    { key: 'type', header: t('cases.type'), render: (c) => t(`cases.types.${c.type}`) },
    { key: 'status', header: t('cases.status'), render: (c) => <Badge tone={statusTone(c.status)}>{t(`cases.statuses.${c.status}`)}</Badge> },
    { key: 'priority', header: t('cases.priority'), render: (c) => <Badge tone={priorityTone(c.priority)}>{t(`cases.priorities.${c.priority}`)}</Badge> },
    { key: 'group', header: t('cases.group'), render: (c) => (c.groupId ? groupName.get(c.groupId) ?? '—' : '—') },
    { key: 'hotline', header: t('cases.hotline'), render: (c) => hotlineName.get(c.hotlineId) ?? '' },
    { key: 'sla', header: t('cases.sla.title'), render: (c) => <SlaBadge clock={c.sla.resolution} label={t('cases.sla.resolution')} /> },
    { key: 'created', header: t('common.created'), className: 'nowrap', render: (c) => formatShort(c.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        actions={
          <>
            <Link className="btn" to="/desk/problems">{t('cases.problems.title')}</Link>
            {me.permissions.includes('cases.edit') ? <Link className="btn btn-primary" to="/desk/cases/new">{t('cases.create')}</Link> : null}
          </>
        }
      />
      <nav className="tabs tabs-sub" aria-label={t('cases.views.label')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" className={view === v ? 'tab is-active' : 'tab'} aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`cases.views.${v}`)}
          </button>
        ))}
      </nav>
      <div className="case-filters">
        <SelectField label={t('cases.type')} value={type} onChange={setType}
          options={[{ value: '', label: t('cases.any') }, ...CASE_TYPES.map((x) => ({ value: x, label: t(`cases.types.${x}`) }))]} />
        <SelectField label={t('cases.status')} value={status} onChange={setStatus}
          options={[{ value: '', label: t('cases.any') }, ...CASE_STATUSES.map((x) => ({ value: x, label: t(`cases.statuses.${x}`) }))]} />
      </div>
      <Table columns={columns} rows={rows} rowKey={(c) => c.id} loading={list.isPending} error={list.error}
        onRowClick={(c) => void navigate(`/desk/cases/${c.id}`)} caption={t('cases.title')} empty={t('cases.empty')} />
      {list.hasNextPage ? <div className="load-more"><Button onClick={() => void list.fetchNextPage()}>{t('cases.more')}</Button></div> : null}
    </>
  );
}
