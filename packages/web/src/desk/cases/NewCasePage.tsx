import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Contact, Customer } from '../types.ts';
import { CASE_TYPES, LEVELS, type Case, type CaseType, type Level } from './types.ts';
import { caseKeys, useGroups } from './useCases.ts';
import './cases.css';

/**
 * Opens a case — from a contact in the journal (`?contactId=`: hotline, customer and subject come
 * from the contact, which is linked to the case) or from a customer card (`?customerId=`).
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const contactId = params.get('contactId');
  const customerId = params.get('customerId');
  const hotlines = useHotlines();
  const groups = useGroups();
  const contact = useQuery({ queryKey: ['contacts', contactId], queryFn: () => api.get<Contact>(`/contacts/${contactId}`), enabled: !!contactId });
  const customer = useQuery({ queryKey: ['customers', customerId], queryFn: () => api.get<Customer>(`/customers/${customerId}`), enabled: !!customerId });
  const [form, setForm] = useState({ type: 'support' as CaseType, hotlineId: '', subject: '', description: '', impact: 'medium' as Level, urgency: 'medium' as Level, departmentId: '' });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  useEffect(() => {
    const c = contact.data;
    if (c) setForm((f) => ({ ...f, hotlineId: f.hotlineId || c.hotlineId, subject: f.subject || (c.subject ?? '') }));
  }, [contact.data]);
  useEffect(() => {
    if (!form.hotlineId && hotlines.data?.[0]) set('hotlineId', hotlines.data[0].id);
  }, [hotlines.data, form.hotlineId]);

  const create = useMutation({
    mutationFn: () => api.post<Case>('/cases', {
      type: form.type, hotlineId: form.hotlineId, subject: form.subject, description: form.description, impact: form.impact, urgency: form.urgency,
      customerId: customerId ?? contact.data?.customerId ?? null,
      contactIds: contactId ? [contactId] : [],
      departmentId: form.type === 'complaint' && form.departmentId ? form.departmentId : null,
    }, crypto.randomUUID()),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.cases });
      void queryClient.invalidateQueries({ queryKey: keys.customers });
      void navigate(`/desk/cases/${c.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const who = customer.data?.name ?? contact.data?.customerName ?? null;
  const levels = LEVELS.map((l) => ({ value: l, label: t(`cases.levels.${l}`) }));
  const departments = (groups.data ?? []).filter((g) => g.kind === 'department');

  return (
    <>
      <PageHeader title={t('cases.create')} subtitle={who ? t('cases.forCustomer', { name: who }) : undefined} />
      <form className="card case-form" onSubmit={submit} aria-label={t('cases.create')}>
        <ProblemAlert error={create.error} />
        <SelectField label={t('cases.type')} value={form.type} onChange={(v) => set('type', v as CaseType)} error={errors['type']}
          options={CASE_TYPES.map((x) => ({ value: x, label: t(`cases.types.${x}`) }))} />
        <SelectField label={t('cases.hotline')} value={form.hotlineId} onChange={(v) => set('hotlineId', v)} error={errors['hotlineId']}
          options={(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        <TextField label={t('cases.subject')} value={form.subject} onChange={(v) => set('subject', v)} error={errors['subject']} required />
        <div className="field">
          <label htmlFor="case-description">{t('cases.description')}</label>
          <textarea id="case-description" value={form.description} onChange={(e) => set('description', e.target.value)} />
        </div>
        <SelectField label={t('cases.impact')} value={form.impact} onChange={(v) => set('impact', v as Level)} options={levels} />
        <SelectField label={t('cases.urgency')} value={form.urgency} onChange={(v) => set('urgency', v as Level)} options={levels} />
        {form.type === 'complaint' ? (
          <SelectField label={t('cases.department')} value={form.departmentId} onChange={(v) => set('departmentId', v)} error={errors['departmentId']}
            options={[{ value: '', label: '—' }, ...departments.map((g) => ({ value: g.id, label: g.name }))]} />
        ) : null}
        <div className="case-actions">
          <Button variant="primary" type="submit" busy={create.isPending}>{t('cases.open')}</Button>
        </div>
      </form>
    </>
  );
}
