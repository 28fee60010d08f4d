import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '@linia/engine';
import { api } from '../../api/client.ts';
import type { CreatedApiToken } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { roleOptions } from '../roleOptions.ts';

/** A token acts with one role's permissions; client_viewer is left out (a token has no client). */
export function CreateTokenDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (t: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const create = useMutation({
    mutationFn: () => api.post<CreatedApiToken>('/api-tokens', { name: name.trim(), role }),
    onSuccess: onCreated,
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog
      title={t('tokens.create')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="token-form" busy={create.isPending} disabled={!name.trim()}>
            {t('tokens.createSubmit')}
          </Button>
        </>
      }
    >
      <form id="token-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('tokens.name')} name="name" value={name} onChange={setName} error={errors.name} hint={t('tokens.nameHint')} />
        <SelectField
          label={t('users.role')}
          name="role"
          value={role}
          options={roleOptions(t).filter((o) => o.value !== 'client_viewer')}
          onChange={(v) => setRole(v as Role)}
          error={errors.role}
        />
        <ProblemAlert error={create.error} />
      </form>
    </Dialog>
  );
}
