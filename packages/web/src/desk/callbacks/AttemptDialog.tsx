import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '@linia/engine';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Callback } from './types.ts';

/** "I called": what happened, a note, and — if they did not answer — when to try again. */
export function AttemptDialog({ callback, onClose, onDone }: { callback: Callback; onClose: () => void; onDone: (c: Callback) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<AttemptOutcome>('reached');
  const [notes, setNotes] = useState('');
  const [retryAt, setRetryAt] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<Callback>(`/callbacks/${callback.id}/attempts`, {
        outcome,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}),
      }),
    onSuccess: onDone,
  });
  const errors = fieldErrors(save.error);
  const retriable = outcome === 'no_answer' || outcome === 'busy' || outcome === 'voicemail';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={t('callbacks.attempt.title', { phone: callback.phone })} onClose={onClose}
      footer={<EditDialogFooter form="attempt-form" onCancel={onClose} saving={save.isPending} />}>
      <form id="attempt-form" className="form" onSubmit={submit} noValidate>
        <SelectField label={t('callbacks.attempt.outcome')} name="outcome" value={outcome} error={errors.outcome}
          options={ATTEMPT_OUTCOMES.map((o) => ({ value: o, label: t(`callbacks.outcome.${o}`) }))} onChange={(v) => setOutcome(v as AttemptOutcome)} />
        <TextField label={t('callbacks.attempt.notes')} name="notes" value={notes} error={errors.notes} onChange={setNotes} />
        {retriable ? (
          <TextField label={t('callbacks.attempt.retryAt')} name="retryAt" type="datetime-local" value={retryAt} error={errors.retryAt}
            hint={t('callbacks.attempt.retryHint')} onChange={setRetryAt} />
        ) : null}
        {outcome === 'reached' ? <p className="small muted">{t('callbacks.attempt.reachedHint')}</p> : null}
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
