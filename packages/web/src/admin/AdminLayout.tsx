import { Outlet } from 'react-router';
import { TabNav } from '../ui/TabNav.tsx';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useMe.ts';

/**
 * Admin sections and the permission each needs; a section the user lacks is not shown.
 * `label` is the text key when a section keeps its texts in its own locales folder
 * (otherwise `admin.<path>` of the shared texts).
 */
const SECTIONS: readonly { path: string; permission: string; label?: string }[] = [
  { path: 'users', permission: 'users.view' },
  { path: 'roles', permission: 'users.view' },
  { path: 'clients', permission: 'clients.view' },
  { path: 'hotlines', permission: 'hotlines.view' },
  { path: 'queues', permission: 'acd.configure', label: 'acdQueues.title' },
  { path: 'skills', permission: 'acd.configure', label: 'acdSkills.title' },
  { path: 'chat', permission: 'acd.configure', label: 'chatWidgets.title' },
  { path: 'tokens', permission: 'tokens.manage' },
  { path: 'catalog', permission: 'cases.manage', label: 'catalog.title' },
  { path: 'webhooks', permission: 'webhooks.manage', label: 'webhooks.title' },
  { path: 'calendars', permission: 'cases.manage', label: 'caseAdmin.calendars' },
  { path: 'groups', permission: 'cases.manage', label: 'caseAdmin.groups' },
  { path: 'sla', permission: 'cases.manage', label: 'caseAdmin.sla' },
  { path: 'audit', permission: 'audit.view' },
];

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <div className="page">
      <TabNav
        label={t('admin.sections')}
        tabs={SECTIONS.map((s) => ({ to: s.path, label: t(s.label ?? `admin.${s.path}`), show: me.permissions.includes(s.permission) }))}
      />
      <Outlet />
    </div>
  );
}
