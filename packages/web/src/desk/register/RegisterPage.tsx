import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CRITICALITIES, MANUAL_CHANNELS } from '@linia/engine';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { topicOptions } from '../common/labels.ts';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.tsx';
import type { Contact, CustomFieldValue } from '../types.ts';
import { CustomerLookup, EMPTY_CUSTOMER, type CustomerInput } from './CustomerLookup.tsx';
import { CustomFieldInputs } from './CustomFieldInputs.tsx';

const OUTCOMES = ['Консультация', 'Решено', 'Заявка оформлена', 'Передано на 2-ю линию', 'Перезвонить'];

const blank = (hotlineId: string) => ({
  hotlineId, channel: 'letter', subject: '', topicId: '', criticality: 'normal', outcome: '', fcr: false, closed: true, notes: '',
  customFields: {} as Record<string, CustomFieldValue>,
});

/**
 * Registering a contact by hand — letters, faxes, walk-ins and calls: who (customer lookup),
 * where (hotline → topic), the hotline's own fields, outcome and notes, with the knowledge base
 * beside it. Every submit carries an Idempotency-Key, so a double click or a retry after a
 * network error registers it once.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const active = useMemo(() => (hotlines.data ?? []).filter((h) => h.active), [hotlines.data]);
  const [form, setForm] = useState(() => blank(''));
  const [customer, setCustomer] = useState<CustomerInput>(EMPTY_CUSTOMER);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<Contact | null>(null);
  const hotlineId = form.hotlineId || active[0]?.id || '';
  const hotline = active.find((h) => h.id === hotlineId);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = useMutation({
    mutationFn: () => {
      const identifiers = [
        ...(customer.phone.trim() ? [{ kind: 'phone', value: customer.phone.trim() }] : []),
        ...(customer.email.trim() ? [{ kind: 'email', value: customer.email.trim() }] : []),
      ];
      return api.post<Contact>('/contacts', {
        hotlineId,
        channel: form.channel,
        subject: form.subject.trim() || null,
        topicId: form.topicId || null,
        criticality: form.criticality,
        outcome: form.outcome.trim() || null,
        fcr: form.closed ? form.fcr : null,
        notes: form.notes.trim() || null,
        customFields: form.customFields,
        status: form.closed ? 'closed' : 'open',
        customer: customer.found ? { id: customer.found.id } : identifiers.length || customer.name.trim() ? { name: customer.name.trim() || undefined, identifiers } : undefined,
      }, key);
    },
    onSuccess: (contact) => {
      setDone(contact);
      setForm(blank(hotlineId));
      setCustomer(EMPTY_CUSTOMER);
      setKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: keys.contacts });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  const insert = (text: string) => set('notes', form.notes ? `${form.notes.trimEnd()}\n\n${text}` : text);

  return (
    <>
      <PageHeader title={t('desk.register.title')} subtitle={t('desk.register.subtitle')} />
      <div className="desk-split">
        <form className="card form grid-2 register-form" onSubmit={submit} noValidate aria-label={t('desk.register.title')}>
          {done ? (
            <div className="alert alert-success span-2" role="status">
              {t('desk.register.done')}{' '}
              {done.customerId ? <Link to={`/desk/customers/${done.customerId}`}>{done.customerName}</Link> : null}
            </div>
          ) : null}
          <SelectField label={t('desk.register.channel')} name="channel" value={form.channel}
            options={MANUAL_CHANNELS.map((c) => ({ value: c, label: t(`desk.channels.${c}`) }))}
            error={errors.channel} onChange={(v) => set('channel', v)} />
          <SelectField label={t('desk.journal.hotline')} name="hotlineId" value={hotlineId}
            options={active.map((h) => ({ value: h.id, label: h.name }))} error={errors.hotlineId}
            onChange={(v) => setForm((f) => ({ ...f, hotlineId: v, topicId: '', customFields: {} }))} />
          <CustomerLookup value={customer} onChange={setCustomer} errors={errors} />
          <div className="span-2">
            <TextField label={t('desk.journal.subject')} name="subject" value={form.subject} error={errors.subject} onChange={(v) => set('subject', v)} />
          </div>
          <SelectField label={t('desk.journal.topic')} name="topicId" value={form.topicId}
            options={[{ value: '', label: t('common.choose') }, ...topicOptions(hotline)]} error={errors.topicId}
            onChange={(v) => set('topicId', v)} />
          <SelectField label={t('desk.contact.criticality')} name="criticality" value={form.criticality}
            options={CRITICALITIES.map((c) => ({ value: c, label: t(`desk.criticality.${c}`) }))} onChange={(v) => set('criticality', v)} />
          {hotline && hotline.customFields.length > 0 ? (
            <fieldset className="fieldset span-2">
              <legend>{t('desk.register.fields', { hotline: hotline.name })}</legend>
              <div className="form grid-2">
                <CustomFieldInputs defs={hotline.customFields} values={form.customFields} errors={errors} onChange={(v) => set('customFields', v)} />
              </div>
            </fieldset>
          ) : null}
          <div className="field span-2">
            <label htmlFor="notes">{t('desk.register.notes')}</label>
            <textarea id="notes" name="notes" rows={6} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
          </div>
          <TextField label={t('desk.journal.outcome')} name="outcome" list="outcomes" value={form.outcome} error={errors.outcome} onChange={(v) => set('outcome', v)} />
          <datalist id="outcomes">{OUTCOMES.map((o) => <option key={o} value={o} />)}</datalist>
          <div className="field checks">
            <Checkbox name="closed" label={t('desk.register.closed')} checked={form.closed} onChange={(v) => set('closed', v)} />
            {form.closed ? <Checkbox name="fcr" label={t('desk.contact.fcr')} checked={form.fcr} onChange={(v) => set('fcr', v)} /> : null}
          </div>
          <div className="span-2"><ProblemAlert error={save.error} /></div>
          <div className="span-2 form-actions">
            <Button variant="primary" type="submit" busy={save.isPending}>{t('desk.register.submit')}</Button>
          </div>
        </form>
        <KnowledgePanel hotlineId={hotlineId} onInsert={insert} />
      </div>
    </>
  );
}
