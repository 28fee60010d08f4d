import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '@linia/engine';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Client, User } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { roleOptions } from '../roleOptions.ts';

interface Props {
  /** null creates a new user. */
  user: User | null;
  clients: Client[];
  onClose: () => void;
}

/** Create or edit a user. A client viewer must belong to a client, so the client select appears for that role. */
export function UserDialog({ user, clients, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    login: user?.login ?? '',
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: (user?.role ?? 'operator') as Role,
    clientId: user?.clientId ?? '',
    active: user?.active ?? true,
    password: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const needsClient = form.role === 'client_viewer';

  const save = useMutation({
    mutationFn: () => {
      const common = {
        name: form.name.trim(),
        email: form.email.trim() || null,
        role: form.role,
        clientId: needsClient ? form.clientId || null : null,
      };
      if (!user) return api.post<User>('/users', { ...common, login: form.login.trim(), password: form.password });
      return api.patch<User>(`/users/${user.id}`, {
        ...common,
        active: form.active,
        ...(form.password ? { password: form.password } : {}),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/users/${user!.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
  });

  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Dialog
      title={user ? t('users.editTitle', { name: user.name }) : t('users.create')}
      onClose={onClose}
      footer={
        <EditDialogFooter
          form="user-form"
          onCancel={onClose}
          saving={save.isPending}
          onDelete={user ? () => remove.mutate() : undefined}
          deleting={remove.isPending}
        />
      }
    >
      <form id="user-form" className="form grid-2" onSubmit={submit} noValidate>
        <TextField
          label={t('users.login')}
          name="login"
          value={form.login}
          onChange={(v) => set('login', v)}
          error={errors.login}
          disabled={!!user}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField label={t('users.name')} name="name" value={form.name} onChange={(v) => set('name', v)} error={errors.name} />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          value={form.email}
          onChange={(v) => set('email', v)}
          error={errors.email}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={form.role}
          options={roleOptions(t)}
          onChange={(v) => set('role', v as Role)}
          error={errors.role}
        />
        {needsClient ? (
          <SelectField
            label={t('users.client')}
            name="clientId"
            value={form.clientId}
            options={[{ value: '', label: t('common.choose') }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
            onChange={(v) => set('clientId', v)}
            error={errors.clientId}
            hint={t('users.clientHint')}
          />
        ) : null}
        <TextField
          label={user ? t('users.setPassword') : t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(v) => set('password', v)}
          error={errors.password}
          hint={user ? t('users.passwordKeep') : t('account.tooShort', { min: 8 })}
        />
        {user ? (
          <div className="span-2">
            <Checkbox label={t('users.activeLabel')} name="active" checked={form.active} onChange={(v) => set('active', v)} />
          </div>
        ) : null}
        <div className="span-2">
          <ProblemAlert error={save.error ?? remove.error} />
        </div>
      </form>
    </Dialog>
  );
}
