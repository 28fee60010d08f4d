import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { parseRubles } from './price.ts';
import type { CatalogItem } from '../../desk/orders/types.ts';

/** Add or change a product or service of a hotline's catalog; the price is typed in rubles. */
export function CatalogDialog({ item, hotlineId, onClose, onSaved }: { item: CatalogItem | null; hotlineId: string; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState(item?.kind ?? 'product');
  const [sku, setSku] = useState(item?.sku ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [price, setPrice] = useState(item ? new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 }).format(item.price / 100) : '');
  const [active, setActive] = useState(item?.active ?? true);
  const [priceError, setPriceError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (kopecks: number) => {
      const body = { kind, sku: sku.trim() || null, name: name.trim(), price: kopecks, active };
      return item ? api.patch(`/catalog/${item.id}`, body) : api.post('/catalog', { ...body, hotlineId });
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const kopecks = parseRubles(price);
    setPriceError(kopecks === null ? t('catalog.badPrice') : undefined);
    if (kopecks !== null) save.mutate(kopecks);
  };
  return (
    <Dialog title={item ? item.name : t('catalog.create')} onClose={onClose}
      footer={<EditDialogFooter form="catalog-form" onCancel={onClose} saving={save.isPending} />}>
      <form id="catalog-form" className="form" onSubmit={submit} noValidate>
        <SelectField label={t('catalog.kind')} name="kind" value={kind} onChange={(v) => setKind(v as CatalogItem['kind'])}
          options={[{ value: 'product', label: t('catalog.product') }, { value: 'service', label: t('catalog.service') }]} />
        <TextField label={t('catalog.name')} name="name" value={name} error={errors.name} onChange={setName} />
        <TextField label={t('catalog.sku')} name="sku" value={sku} error={errors.sku} onChange={setSku} />
        <TextField label={t('catalog.price')} name="price" inputMode="decimal" value={price} error={priceError ?? errors.price} onChange={setPrice} hint={t('catalog.priceHint')} />
        <Checkbox name="active" label={t('catalog.active')} checked={active} onChange={setActive} />
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
