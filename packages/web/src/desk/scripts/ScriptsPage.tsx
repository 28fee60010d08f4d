import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { topicPath, type TopicTreeNode } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { scriptKeys, type Script } from './types.ts';

/** The conversation scripts of a hotline, for those who keep them. */
export function ScriptsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hotlines = useHotlines();
  const [hotlineId, setHotlineId] = useState('');
  const chosen = hotlineId || hotlines.data?.[0]?.id || '';
  const hotline = hotlines.data?.find((h) => h.id === chosen);
  const list = useQuery({
    queryKey: scriptKeys.list(chosen),
    queryFn: () => api.get<{ items: Script[] }>('/scripts', { hotlineId: chosen }).then((r) => r.items),
    enabled: Boolean(chosen),
  });
  const columns: Column<Script>[] = [
    { key: 'name', header: t('scripts.name'), render: (s) => <strong>{s.name}</strong> },
    {
      key: 'topic',
      header: t('scripts.topic'),
      render: (s) => (s.topicId ? (topicPath((hotline?.topics ?? []) as TopicTreeNode[], s.topicId) ?? [s.topicId]).join(' → ') : t('scripts.anyTopic')),
    },
    { key: 'steps', header: t('scripts.steps'), className: 'num', render: (s) => s.definition.steps.length },
    { key: 'version', header: t('scripts.version'), className: 'num', render: (s) => s.version },
    { key: 'updated', header: t('scripts.updated'), className: 'nowrap', render: (s) => formatDateTime(s.updatedAt) },
    { key: 'status', header: t('common.status'), render: (s) => <Badge tone={s.active ? 'ok' : 'muted'}>{s.active ? t('common.active') : t('common.inactive')}</Badge> },
  ];
  return (
    <>
      <PageHeader title={t('scripts.title')} subtitle={t('scripts.subtitle')}
        actions={<Button variant="primary" onClick={() => navigate('/desk/scripts/new')}>{t('scripts.create')}</Button>} />
      <div className="filters">
        <SelectField label={t('scripts.hotline')} name="hotline" value={chosen}
          options={(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))} onChange={setHotlineId} />
      </div>
      <Table columns={columns} rows={list.data} rowKey={(s) => s.id} loading={list.isPending} error={list.error}
        onRowClick={(s) => navigate(`/desk/scripts/${s.id}`)} caption={t('scripts.title')} empty={t('scripts.empty')} />
    </>
  );
}
