import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScriptInput } from '@linia/engine';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { ChannelBadge } from '../common/ChannelBadge.tsx';
import { topicOptions } from '../common/labels.ts';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.tsx';
import { CustomFieldInputs } from '../register/CustomFieldInputs.tsx';
import { ScriptWalker } from '../scripts/ScriptWalker.tsx';
import type { Contact, CustomFieldValue } from '../types.ts';
import { SurveyLinkPanel } from '../survey/SurveyLinkPanel.tsx';
import { useMyChats } from '../chats/queries.ts';
import { CasesPanel } from './CasesPanel.tsx';
import { Conversation } from './Conversation.tsx';
import { CustomerSummary } from './CustomerSummary.tsx';
import { useShortcuts } from './useShortcuts.ts';
import './workspace.css';

const WRITTEN = new Set(['chat', 'email', 'messenger', 'webform']);

interface FormState {
  topicId: string;
  outcome: string;
  fcr: boolean;
  notes: string;
  customFields: Record<string, CustomFieldValue>;
}

const formOf = (c: Contact): FormState => ({
  topicId: c.topicId ?? '', outcome: c.outcome ?? '', fcr: c.fcr ?? false, notes: c.notes ?? '', customFields: c.customFields,
});

/**
 * One screen for the contact in hand (item 8 of the desk): who the customer is and what they
 * contacted about before; the conversation or the script; the knowledge base; their cases; and
 * the contact's own topic, fields and outcome, saved or wrapped up. Keyboard: Alt+S saves,
 * Alt+W wraps up, Alt+K jumps to the knowledge search, Alt+R to the reply, Ctrl+Enter sends.
 */
export function ContactWorkspace() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('contacts.edit');
  const hotlines = useHotlines();
  const contact = useQuery({ queryKey: [...keys.contacts, id], queryFn: () => api.get<Contact>(`/contacts/${id}`) });
  // A web chat this operator holds: replies go through the chat (the customer sees them in the widget at once).
  const myChats = useMyChats(contact.data?.channel === 'chat');
  const hotline = hotlines.data?.find((h) => h.id === contact.data?.hotlineId);
  const [form, setForm] = useState<FormState | null>(null);
  const [draft, setDraft] = useState('');
  const [run, setRun] = useState<{ scriptId: string; steps: ScriptInput[] } | null>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (contact.data && form === null) setForm(formOf(contact.data));
  }, [contact.data, form]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const onField = useCallback((key: string, value: string) => setForm((f) => (f ? { ...f, customFields: { ...f.customFields, [key]: value } } : f)), []);
  const onOutcome = useCallback((outcome: string) => setForm((f) => (f ? { ...f, outcome } : f)), []);
  const onRun = useCallback((r: typeof run) => setRun(r), []);

  const body = () => ({
    topicId: form!.topicId || null,
    outcome: form!.outcome.trim() || null,
    fcr: form!.fcr,
    notes: form!.notes.trim() || null,
    customFields: form!.customFields,
  });
  const saveRun = async () => {
    if (run) await api.put(`/contacts/${id}/script-run`, run);
  };
  const save = useMutation({
    mutationFn: async () => {
      const c = await api.patch<Contact>(`/contacts/${id}`, body());
      await saveRun();
      return c;
    },
    onSuccess: (c) => {
      queryClient.setQueryData([...keys.contacts, id], c);
      void queryClient.invalidateQueries({ queryKey: keys.contacts });
    },
  });
  const wrapUp = useMutation({
    mutationFn: async () => {
      await saveRun();
      const b = body();
      return api.post<Contact>(`/contacts/${id}/close`, { outcome: b.outcome, fcr: b.fcr, notes: b.notes, topicId: b.topicId, customFields: b.customFields });
    },
    onSuccess: (c) => {
      queryClient.setQueryData([...keys.contacts, id], c);
      void queryClient.invalidateQueries({ queryKey: keys.contacts });
    },
  });
  useShortcuts({
    s: () => canEdit && save.mutate(),
    w: () => canEdit && contact.data?.status === 'open' && wrapUp.mutate(),
    k: () => document.querySelector<HTMLInputElement>('.knowledge-panel input[type="search"]')?.focus(),
    r: () => replyRef.current?.focus(),
  });

  if (contact.isPending || !form) return <><ProblemAlert error={contact.error} /><p className="muted">{t('common.loading')}</p></>;
  const c = contact.data!;
  const closed = c.status === 'closed';
  const errors = fieldErrors(save.error ?? wrapUp.error);
  const written = WRITTEN.has(c.channel);
  const insert = (text: string) => (written ? setDraft((d) => (d ? `${d.trimEnd()}\n\n${text}` : text)) : set('notes', form.notes ? `${form.notes.trimEnd()}\n\n${text}` : text));

  return (
    <>
      <PageHeader
        title={<><ChannelBadge channel={c.channel} /> {c.subject ?? t('workspace.untitled')}</>}
        subtitle={`${hotline?.name ?? ''} · ${formatDateTime(c.createdAt)} · ${closed ? t('workspace.closed') : t('workspace.open')}`}
        actions={<Button variant="ghost" onClick={() => navigate(-1)}>{t('workspace.back')}</Button>}
      />
      <p className="small muted workspace-keys">{t('workspace.keys')}</p>
      <div className="workspace">
        <div className="workspace-left">
          <CustomerSummary customerId={c.customerId} currentContactId={c.id} />
          <CasesPanel contactId={c.id} customerId={c.customerId} canEdit={me.permissions.includes('cases.edit')} />
          {c.channel !== 'chat' && canEdit ? <SurveyLinkPanel contactId={c.id} /> : null}
        </div>
        <div className="workspace-center">
          {written ? <Conversation ref={replyRef} contactId={c.id} draft={draft} onDraft={setDraft} disabled={closed || !canEdit} liveChat={myChats.data?.some((ch) => ch.contactId === c.id && ch.status !== 'ended') ?? false} /> : null}
          {!closed && canEdit ? (
            <ScriptWalker hotlineId={c.hotlineId} topicId={form.topicId} onChange={onRun} onField={onField} onOutcome={onOutcome} />
          ) : null}
          <form className="card form grid-2 workspace-form" aria-label={t('workspace.form')} noValidate
            onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
            <SelectField label={t('desk.journal.topic')} name="topicId" value={form.topicId} error={errors.topicId} disabled={!canEdit}
              options={[{ value: '', label: t('common.choose') }, ...topicOptions(hotline)]} onChange={(v) => set('topicId', v)} />
            <TextField label={t('desk.journal.outcome')} name="outcome" value={form.outcome} error={errors.outcome} disabled={!canEdit}
              onChange={(v) => set('outcome', v)} />
            {hotline && hotline.customFields.length > 0 ? (
              <CustomFieldInputs defs={hotline.customFields} values={form.customFields} errors={errors} onChange={(v) => set('customFields', v)} />
            ) : null}
            <div className="field span-2">
              <label htmlFor="ws-notes">{t('desk.register.notes')}</label>
              <textarea id="ws-notes" rows={4} value={form.notes} disabled={!canEdit} onChange={(e) => set('notes', e.target.value)} />
            </div>
            <div className="field checks"><Checkbox name="fcr" label={t('desk.contact.fcr')} checked={form.fcr} onChange={(v) => set('fcr', v)} /></div>
            <div className="span-2"><ProblemAlert error={save.error ?? wrapUp.error} /></div>
            {save.isSuccess && !wrapUp.isSuccess ? <div className="span-2 alert alert-success" role="status">{t('workspace.saved')}</div> : null}
            {closed ? <div className="span-2 alert alert-success" role="status">{t('workspace.wrappedUp', { at: formatDateTime(c.wrapUpEndedAt ?? c.endedAt) })}</div> : null}
            {canEdit ? (
              <div className="span-2 form-actions">
                <Button type="submit" busy={save.isPending}>{t('workspace.save')}</Button>
                {!closed ? <Button variant="primary" busy={wrapUp.isPending} onClick={() => wrapUp.mutate()}>{t('workspace.wrapUp')}</Button> : null}
              </div>
            ) : null}
          </form>
          <div className="card"><AttachmentList contactId={c.id} canAdd={canEdit} /></div>
        </div>
        <div className="workspace-right">
          <KnowledgePanel hotlineId={c.hotlineId} onInsert={insert} />
        </div>
      </div>
    </>
  );
}
