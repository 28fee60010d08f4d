import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRealtime } from '../realtime/useRealtime.ts';
import { useLogout } from '../session/actions.ts';
import { userAreas } from '../session/areas.ts';
import { useCurrentUser } from '../session/useMe.ts';
import { Icon } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Nav } from './Nav.tsx';

/**
 * The signed-in frame: header (who, where, language, logout) and the area navigation.
 * On narrow screens the sidebar becomes a horizontal menu under the header (see styles.css).
 */
export function Shell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const location = useLocation();
  useRealtime();

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">Л</span>
          <span className="brand-name">Linia</span>
        </Link>
        <span className="tenant" data-testid="tenant-name">{me.tenant.name}</span>
        <div className="topbar-spacer" />
        <LanguageSwitch />
        <Link to="/account" className="user-chip" title={t('account.title')} data-testid="user-chip">
          <span className="avatar" aria-hidden="true">{initials(me.name)}</span>
          <span className="user-text">
            <span className="user-name">{me.name}</span>
            <span className="user-role">{t(`roles.${me.role}`)}</span>
          </span>
        </Link>
        <button type="button" className="btn btn-ghost logout" onClick={() => logout.mutate()} disabled={logout.isPending}>
          <Icon name="logout" />
          <span className="logout-label">{t('auth.logout')}</span>
        </button>
      </header>
      <aside className="sidebar">
        <Nav areas={userAreas(me)} />
      </aside>
      <main className="content" key={location.pathname.split('/')[1]}>
        <Outlet />
      </main>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?';
}
