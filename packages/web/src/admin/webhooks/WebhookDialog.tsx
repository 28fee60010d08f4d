import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS } from '@linia/engine';
import { api } from '../../api/client.ts';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Webhook, WebhookWithSecret } from './types.ts';

interface Props {
  /** null: a new subscription. */
  webhook: Webhook | null;
  onClose: () => void;
  onSaved: (saved: Webhook | WebhookWithSecret) => void;
  onDelete?: () => void;
  deleting?: boolean;
}

/** Create or change a subscription: a name, the receiver's URL and the events it wants. */
export function WebhookDialog({ webhook, onClose, onSaved, onDelete, deleting }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(webhook?.name ?? '');
  const [url, setUrl] = useState(webhook?.url ?? 'https://');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? ['contact.created', 'contact.closed']);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), url: url.trim(), events };
      return webhook ? api.patch<Webhook>(`/webhooks/${webhook.id}`, body) : api.post<WebhookWithSecret>('/webhooks', body);
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrors(save.error);
  const toggle = (event: string, on: boolean) => setEvents((xs) => (on ? [...xs, event] : xs.filter((x) => x !== event)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog
      title={webhook ? webhook.name : t('webhooks.create')}
      onClose={onClose}
      footer={<EditDialogFooter form="webhook-form" onCancel={onClose} saving={save.isPending} onDelete={onDelete} deleting={deleting} />}
    >
      <form id="webhook-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('webhooks.name')} name="name" value={name} onChange={setName} error={errors.name} hint={t('webhooks.nameHint')} />
        <TextField label={t('webhooks.url')} name="url" type="url" value={url} onChange={setUrl} error={errors.url} hint={t('webhooks.urlHint')} />
        <fieldset className="fieldset">
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <Checkbox
              key={event}
              name={`event-${event}`}
              label={`${t(`webhooks.event.${event.replace('.*', '_all').replace('.', '_')}`)} (${event})`}
              checked={events.includes(event)}
              onChange={(on) => toggle(event, on)}
            />
          ))}
          {errors.events ? <div className="field-error">{errors.events}</div> : null}
        </fieldset>
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
