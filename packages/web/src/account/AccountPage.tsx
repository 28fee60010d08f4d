import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../session/actions.ts';
import { useCurrentUser } from '../session/useMe.ts';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';

const MIN_PASSWORD = 8;

/** Who am I, and change my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const change = useChangePassword();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [localError, setLocalError] = useState<Record<string, string>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    // Checked here too so the user gets the answer without a round trip; the server checks again.
    const errors: Record<string, string> = {};
    if (form.newPassword.length < MIN_PASSWORD) errors.newPassword = t('account.tooShort', { min: MIN_PASSWORD });
    else if (form.newPassword !== form.repeat) errors.repeat = t('account.mismatch');
    setLocalError(errors);
    if (Object.keys(errors).length) return;
    change.mutate(
      { currentPassword: form.currentPassword, newPassword: form.newPassword },
      { onSuccess: () => setForm({ currentPassword: '', newPassword: '', repeat: '' }) },
    );
  }

  const errors = { ...fieldErrors(change.error), ...localError };
  return (
    <div className="page narrow">
      <PageHeader title={t('account.title')} />
      <dl className="facts card">
        <div>
          <dt>{t('users.name')}</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>{t('users.login')}</dt>
          <dd>{me.login}</dd>
        </div>
        <div>
          <dt>{t('users.role')}</dt>
          <dd>{t(`roles.${me.role}`)}</dd>
        </div>
        <div>
          <dt>{t('account.tenant')}</dt>
          <dd>{me.tenant.name}</dd>
        </div>
      </dl>
      <form className="card form" onSubmit={submit} noValidate>
        <h2>{t('account.changePassword')}</h2>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          value={form.currentPassword}
          error={errors.currentPassword}
          onChange={(currentPassword) => setForm((f) => ({ ...f, currentPassword }))}
        />
        <TextField
          label={t('account.newPassword')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          hint={t('account.tooShort', { min: MIN_PASSWORD })}
          value={form.newPassword}
          error={errors.newPassword}
          onChange={(newPassword) => setForm((f) => ({ ...f, newPassword }))}
        />
        <TextField
          label={t('account.repeatPassword')}
          type="password"
          name="repeatPassword"
          autoComplete="new-password"
          value={form.repeat}
          error={errors.repeat}
          onChange={(repeat) => setForm((f) => ({ ...f, repeat }))}
        />
        {change.error ? <ProblemAlert error={change.error} /> : null}
        {change.isSuccess ? (
          <div className="alert alert-success" role="status">
            {t('account.changed')}
          </div>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.isPending} disabled={!form.currentPassword || !form.newPassword}>
            {t('account.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
