import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Customer } from '../types.ts';

/** Name, organization, notes and identifiers of a card (one identifier per line: phones, e-mails). */
export function CustomerEditDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: customer.name,
    organization: customer.organization ?? '',
    notes: customer.notes ?? '',
    identifiers: customer.identifiers.map((i) => (i.kind === 'phone' || i.kind === 'email' ? i.value : `${i.kind}:${i.value}`)).join('\n'),
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch<Customer>(`/customers/${customer.id}`, {
        name: form.name.trim(),
        organization: form.organization.trim() || null,
        notes: form.notes.trim() || null,
        identifiers: form.identifiers.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
          const m = /^(chat|messenger):(.+)$/.exec(l);
          if (m) return { kind: m[1], value: m[2] };
          return { kind: l.includes('@') ? 'email' : 'phone', value: l };
        }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.customers });
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={customer.name} onClose={onClose} footer={<EditDialogFooter form="customer-form" onCancel={onClose} saving={save.isPending} />}>
      <form id="customer-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('desk.customer.name')} name="name" value={form.name} error={errors.name} onChange={(v) => setForm({ ...form, name: v })} />
        <TextField label={t('desk.customer.organization')} name="organization" value={form.organization} onChange={(v) => setForm({ ...form, organization: v })} />
        <div className="field">
          <label htmlFor="identifiers">{t('desk.customer.identifiers')}</label>
          <textarea id="identifiers" rows={4} value={form.identifiers} onChange={(e) => setForm({ ...form, identifiers: e.target.value })} />
          <div className="field-hint">{t('desk.customer.identifiersHint')}</div>
          {Object.entries(errors).filter(([k]) => k.startsWith('identifiers')).map(([k, v]) => <div key={k} className="field-error">{v}</div>)}
        </div>
        <div className="field">
          <label htmlFor="cnotes">{t('desk.customer.notes')}</label>
          <textarea id="cnotes" rows={4} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        </div>
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
