import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { CatalogDialog } from './CatalogDialog.tsx';
import { formatRubles } from './price.ts';
import type { CatalogItem } from '../../desk/orders/types.ts';

/** The products and services operators take orders for (A6), per hotline, with prices. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const [hotlineId, setHotlineId] = useState('');
  const chosen = hotlineId || hotlines.data?.[0]?.id || '';
  const [editing, setEditing] = useState<CatalogItem | 'new' | null>(null);
  const key = ['catalog', chosen];
  const items = useQuery({ queryKey: key, queryFn: () => fetchAll<CatalogItem>('/catalog', { hotlineId: chosen }), enabled: !!chosen });
  const columns: Column<CatalogItem>[] = [
    { key: 'name', header: t('catalog.name'), render: (x) => <strong>{x.name}</strong> },
    { key: 'kind', header: t('catalog.kind'), render: (x) => t(`catalog.${x.kind}`) },
    { key: 'sku', header: t('catalog.sku'), render: (x) => x.sku ?? '—' },
    { key: 'price', header: t('catalog.price'), className: 'num nowrap', render: (x) => formatRubles(x.price, i18n.language) },
    { key: 'status', header: t('common.status'), render: (x) => <Badge tone={x.active ? 'ok' : 'muted'}>{x.active ? t('common.active') : t('common.inactive')}</Badge> },
  ];
  return (
    <>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')}
        actions={<Button variant="primary" disabled={!chosen} onClick={() => setEditing('new')}>{t('catalog.create')}</Button>} />
      <div className="filters">
        <SelectField label={t('catalog.hotline')} name="hotline" value={chosen}
          options={(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))} onChange={setHotlineId} />
      </div>
      <Table columns={columns} rows={items.data} rowKey={(x) => x.id} loading={items.isPending} error={items.error}
        onRowClick={(x) => setEditing(x)} rowClassName={(x) => (x.active ? undefined : 'is-muted')} caption={t('catalog.title')} empty={t('catalog.empty')} />
      {editing ? (
        <CatalogDialog item={editing === 'new' ? null : editing} hotlineId={chosen} onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); void queryClient.invalidateQueries({ queryKey: ['catalog'] }); }} />
      ) : null}
    </>
  );
}
