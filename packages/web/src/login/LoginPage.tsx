import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem.ts';
import { useLogin } from '../session/actions.ts';
import { homePath, userAreas } from '../session/areas.ts';
import { useMe } from '../session/useMe.ts';
import { Button } from '../ui/Button.tsx';
import { TextField } from '../ui/Field.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { problemMessage } from '../ui/ProblemAlert.tsx';
import { AREA_PATHS } from '../session/areas.ts';
import type { Me } from '../api/types.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const login = useLogin();
  const location = useLocation();
  const [form, setForm] = useState({ login: '', password: '' });
  const from = (location.state as { from?: string } | null)?.from;

  // Once a session exists (just logged in, or already signed in) this page only redirects.
  if (me) return <Navigate to={returnPath(me, from)} replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(form);
  }

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark brand-mark-lg" aria-hidden="true">Л</span>
          <div>
            <div className="login-product">Linia</div>
            <div className="login-tagline">{t('auth.tagline')}</div>
          </div>
        </div>
        <h1>{t('auth.title')}</h1>
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('auth.login')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={form.login}
            onChange={(login) => setForm((f) => ({ ...f, login }))}
            required
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(password) => setForm((f) => ({ ...f, password }))}
            required
          />
          {login.error ? <LoginError error={login.error} /> : null}
          <Button type="submit" variant="primary" className="btn-block" busy={login.isPending} disabled={!form.login || !form.password}>
            {t('auth.submit')}
          </Button>
        </form>
      </div>
      <p className="login-footer">{t('auth.footer')}</p>
    </div>
  );
}

/** Go back to the page that asked for a login when it is an area this user has; else to their first area. */
function returnPath(me: Me, from: string | undefined): string {
  if (from && from !== '/' && !from.startsWith('/login')) {
    const areas = userAreas(me);
    const allowed = from.startsWith('/account') || areas.some((a) => from.startsWith(AREA_PATHS[a]));
    if (allowed) return from;
  }
  return homePath(me);
}

/** 401 and 429 get the user's words; 429 counts down the server's Retry-After. */
function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const retryAfter = isProblem(error) && error.status === 429 ? (error.retryAfter ?? 0) : null;
  const [left, setLeft] = useState(retryAfter ?? 0);
  useEffect(() => {
    setLeft(retryAfter ?? 0);
    if (!retryAfter) return;
    const started = Date.now();
    const id = setInterval(() => {
      const remaining = Math.max(0, retryAfter - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(id);
    }, 1000);
    return () => clearInterval(id);
  }, [error, retryAfter]);

  let message: string;
  if (isProblem(error) && error.status === 401) message = t('auth.wrongCredentials');
  else if (retryAfter !== null) message = retryAfter ? t('auth.tooManyAttempts', { seconds: left }) : t('auth.tooManyAttemptsLater');
  else message = problemMessage(error, t);
  return (
    <div className="alert alert-error" role="alert" data-testid="login-error">
      {message}
    </div>
  );
}
