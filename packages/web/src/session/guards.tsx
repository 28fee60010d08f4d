import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '@linia/engine';
import { NoAccess } from '../ui/NoAccess.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { homePath, userAreas } from './areas.ts';
import { useMe } from './useMe.ts';

/** Sends visitors without a session to the login page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <div className="boot">{t('common.loading')}</div>;
  if (error) {
    return (
      <div className="boot">
        <ProblemAlert error={error} />
      </div>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Renders an area only for roles that open it; others get the "no access" page at the same URL. */
export function AreaGate({ area, children }: { area: AreaId; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !userAreas(me).includes(area)) return <NoAccess />;
  return <>{children}</>;
}

/** Within an area, a section may need its own permission (e.g. audit.view inside admin). */
export function PermissionGate({ permission, children }: { permission: string; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !me.permissions.includes(permission)) return <NoAccess />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const { data: me } = useMe();
  if (!me) return <Navigate to="/login" replace />;
  return <Navigate to={homePath(me)} replace />;
}
