import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Customer } from '../types.ts';
import { orderKeys } from './OrdersPage.tsx';
import { money, type CatalogItem, type Order } from './types.ts';

/** The order form: a hotline's catalog with quantities, the running total, the delivery address. */
export function NewOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const customerId = params.get('customerId') ?? '';
  const customer = useQuery({ queryKey: ['customers', customerId], queryFn: () => api.get<Customer>(`/customers/${customerId}`), enabled: !!customerId });
  const hotlines = useHotlines();
  const [hotlineId, setHotlineId] = useState('');
  const line = hotlineId || hotlines.data?.[0]?.id || '';
  const catalog = useQuery({ queryKey: [...orderKeys.catalog, line], queryFn: () => fetchAll<CatalogItem>('/catalog', { hotlineId: line, active: 'true' }), enabled: !!line });
  const [qty, setQty] = useState<Record<string, string>>({});
  const [address, setAddress] = useState('');
  const chosen = (catalog.data ?? []).map((i) => ({ item: i, quantity: Number(qty[i.id] || 0) })).filter((x) => x.quantity > 0);
  const total = chosen.reduce((s, x) => s + x.quantity * x.item.price, 0);
  const place = useMutation({
    mutationFn: () => api.post<Order>('/orders', { hotlineId: line, customerId, address: address || null, lines: chosen.map((x) => ({ itemId: x.item.id, quantity: x.quantity })) }, crypto.randomUUID()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.orders });
      void queryClient.invalidateQueries({ queryKey: keys.customers });
      void navigate(`/desk/orders?customerId=${customerId}`);
    },
  });
  const errors = fieldErrors(place.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate();
  };
  return (
    <>
      <PageHeader title={t('orders.create')} subtitle={customer.data ? customer.data.name : undefined} />
      <form className="card case-form" onSubmit={submit} aria-label={t('orders.create')}>
        <ProblemAlert error={place.error} />
        <SelectField label={t('orders.hotline')} value={line} onChange={(v) => { setHotlineId(v); setQty({}); }}
          options={(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        {(catalog.data ?? []).map((i) => (
          <TextField key={i.id} type="number" min={0} label={`${i.name} — ${money(i.price)}`} value={qty[i.id] ?? ''} onChange={(v) => setQty((q) => ({ ...q, [i.id]: v }))} />
        ))}
        {catalog.data && catalog.data.length === 0 ? <p className="muted">{t('orders.noCatalog')}</p> : null}
        <TextField label={t('orders.address')} value={address} onChange={setAddress} error={errors.address} />
        <p role="status"><strong>{t('orders.total')}: {money(total)}</strong></p>
        {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
        <Button type="submit" variant="primary" busy={place.isPending} disabled={chosen.length === 0}>{t('orders.place')}</Button>
      </form>
    </>
  );
}
