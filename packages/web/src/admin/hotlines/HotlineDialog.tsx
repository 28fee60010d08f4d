import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { CHANNELS, type Channel, type Client, type Hotline, type Topic } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { DEFAULT_TIME_ZONE, timeZones } from './timeZones.ts';
import { pruneEmpty } from './topicTree.ts';
import { TopicTreeEditor } from './TopicTreeEditor.tsx';
import { CustomFieldsEditor } from './CustomFieldsEditor.tsx';

interface Props {
  hotline: Hotline | null;
  clients: Client[];
  defaultClientId?: string;
  onClose: () => void;
}

/** Same rule as the server, checked early so the code field turns red while typing. */
const CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

export function HotlineDialog({ hotline, clients, defaultClientId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(), []);
  const [form, setForm] = useState({
    name: hotline?.name ?? '',
    code: hotline?.code ?? '',
    clientId: hotline?.clientId ?? defaultClientId ?? clients[0]?.id ?? '',
    timeZone: hotline?.timeZone ?? DEFAULT_TIME_ZONE,
    channels: hotline?.channels ?? (['voice'] as Channel[]),
    topics: hotline?.topics ?? ([] as Topic[]),
    customFields: hotline?.customFields ?? [],
    active: hotline?.active ?? true,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleChannel = (c: Channel, on: boolean) =>
    set('channels', on ? CHANNELS.filter((x) => x === c || form.channels.includes(x)) : form.channels.filter((x) => x !== c));

  const done = () => {
    void queryClient.invalidateQueries({ queryKey: keys.hotlines });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        clientId: form.clientId,
        name: form.name.trim(),
        code: form.code.trim(),
        timeZone: form.timeZone,
        channels: form.channels,
        topics: pruneEmpty(form.topics),
        customFields: form.customFields
          .filter((f) => f.key.trim() || f.label.trim())
          .map((f) => ({
            ...f,
            key: f.key.trim(),
            label: f.label.trim(),
            options: f.type === 'select' || f.type === 'multiselect' ? (f.options ?? []).map((o) => o.trim()).filter(Boolean) : undefined,
          })),
      };
      return hotline ? api.patch<Hotline>(`/hotlines/${hotline.id}`, { ...body, active: form.active }) : api.post<Hotline>('/hotlines', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/hotlines/${hotline!.id}`), onSuccess: done });

  const errors = fieldErrors(save.error);
  const codeError = form.code && !CODE_PATTERN.test(form.code) ? t('hotlines.codeRule') : errors.code;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      wide
      title={hotline ? hotline.name : t('hotlines.create')}
      onClose={onClose}
      footer={
        <EditDialogFooter
          form="hotline-form"
          onCancel={onClose}
          saving={save.isPending}
          onDelete={hotline ? () => remove.mutate() : undefined}
          deleting={remove.isPending}
        />
      }
    >
      <form id="hotline-form" className="form grid-2" onSubmit={submit} noValidate>
        <TextField label={t('hotlines.name')} name="name" value={form.name} error={errors.name} onChange={(v) => set('name', v)} />
        <TextField
          label={t('hotlines.code')}
          name="code"
          value={form.code}
          error={codeError}
          hint={t('hotlines.codeRule')}
          onChange={(v) => set('code', v.toLowerCase())}
          spellCheck={false}
          autoComplete="off"
        />
        <SelectField
          label={t('hotlines.client')}
          name="clientId"
          value={form.clientId}
          options={[{ value: '', label: t('common.choose') }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
          error={errors.clientId}
          onChange={(v) => set('clientId', v)}
        />
        <SelectField
          label={t('hotlines.timeZone')}
          name="timeZone"
          value={form.timeZone}
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          error={errors.timeZone}
          onChange={(v) => set('timeZone', v)}
        />
        <fieldset className={`span-2 fieldset${errors.channels ? ' has-error' : ''}`}>
          <legend>{t('hotlines.channels')}</legend>
          <div className="checkbox-row">
            {CHANNELS.map((c) => (
              <Checkbox key={c} name={`channel-${c}`} label={t(`channels.${c}`)} checked={form.channels.includes(c)} onChange={(on) => toggleChannel(c, on)} />
            ))}
          </div>
          {errors.channels ? <div className="field-error">{errors.channels}</div> : null}
        </fieldset>
        <fieldset className="span-2 fieldset">
          <legend>{t('hotlines.topics')}</legend>
          <TopicTreeEditor topics={form.topics} onChange={(topics) => set('topics', topics)} />
          {errors.topics ? <div className="field-error">{errors.topics}</div> : null}
        </fieldset>
        <fieldset className="span-2 fieldset">
          <legend>{t('hotlines.customFields')}</legend>
          <CustomFieldsEditor fields={form.customFields} errors={errors} onChange={(customFields) => set('customFields', customFields)} />
        </fieldset>
        {hotline ? (
          <div className="span-2">
            <Checkbox label={t('hotlines.activeLabel')} name="active" checked={form.active} onChange={(v) => set('active', v)} />
          </div>
        ) : null}
        <div className="span-2">
          <ProblemAlert error={save.error ?? remove.error} />
        </div>
      </form>
    </Dialog>
  );
}
