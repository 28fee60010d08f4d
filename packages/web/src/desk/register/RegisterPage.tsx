import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CRITICALITIES, MANUAL_CHANNELS, type ScriptInput } from '@linia/engine';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { topicOptions } from '../common/labels.ts';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.tsx';
import { ScriptWalker } from '../scripts/ScriptWalker.tsx';
import { AttachmentPicker } from '../attachments/AttachmentPicker.tsx';
import { uploadAll } from '../attachments/upload.ts';
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
  // The path walked through the hotline's script; stored with the contact once it is registered.
  const [run, setRun] = useState<{ scriptId: string; steps: ScriptInput[] } | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [walkerKey, setWalkerKey] = useState(0);
  // Files go after the contact is saved (each its own request, limited in size by the server).
  const [files, setFiles] = useState<File[]>([]);
  const [uploadFailures, setUploadFailures] = useState<{ file: string; error: unknown }[]>([]);
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
    onSuccess: async (contact) => {
      setRunError(null);
      if (run) await api.put(`/contacts/${contact.id}/script-run`, run).catch(setRunError);
      setUploadFailures(files.length > 0 ? await uploadAll(contact.id, files) : []);
      setFiles([]);
      setWalkerKey((k) => k + 1);
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
  const onRun = useCallback((r: typeof run) => setRun(r), []);
  const onField = useCallback((key: string, value: string) => setForm((f) => ({ ...f, customFields: { ...f.customFields, [key]: value } })), []);
  const onOutcome = useCallback((outcome: string) => setForm((f) => ({ ...f, outcome })), []);
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
          {runError ? <div className="span-2"><p className="alert alert-warn">{t('scripts.walker.saveFailed')}</p><ProblemAlert error={runError} /></div> : null}
          {uploadFailures.length > 0 ? (
            <div className="span-2">
              <p className="alert alert-warn">{t('attachments.savedWithout')}</p>
              {uploadFailures.map((f) => <div key={f.file}><p className="small">{t('attachments.failed', { name: f.file })}</p><ProblemAlert error={f.error} /></div>)}
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
          <div className="span-2"><AttachmentPicker files={files} onChange={setFiles} /></div>
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
        <div className="desk-side">
          <ScriptWalker key={`${walkerKey}-${hotlineId}`} hotlineId={hotlineId} topicId={form.topicId} onChange={onRun} onField={onField} onOutcome={onOutcome} />
          <KnowledgePanel hotlineId={hotlineId} onInsert={insert} />
        </div>
      </div>
    </>
  );
}
