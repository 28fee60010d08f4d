import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useMe.ts';

/** Admin sections and the permission each needs; a section the user lacks is not shown. */
const SECTIONS = [
  { path: 'users', permission: 'users.view' },
  { path: 'roles', permission: 'users.view' },
  { path: 'clients', permission: 'clients.view' },
  { path: 'hotlines', permission: 'hotlines.view' },
  { path: 'tokens', permission: 'tokens.manage' },
  { path: 'audit', permission: 'audit.view' },
] as const;

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <div className="page">
      <nav className="tabs" aria-label={t('admin.sections')}>
        {SECTIONS.filter((s) => me.permissions.includes(s.permission)).map((s) => (
          <NavLink key={s.path} to={s.path} className={({ isActive }) => (isActive ? 'tab is-active' : 'tab')}>
            {t(`admin.${s.path}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
