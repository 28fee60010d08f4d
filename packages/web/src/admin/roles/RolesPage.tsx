import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { RoleMatrix } from '../../api/types.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

/** Read-only matrix: the server's answer, so the page shows what is enforced, not what the UI assumes. */
export function RolesPage() {
  const { t } = useTranslation();
  const matrix = useQuery({ queryKey: keys.roles, queryFn: () => api.get<RoleMatrix>('/roles'), staleTime: Infinity });
  return (
    <>
      <PageHeader title={t('admin.roles')} subtitle={t('rolesPage.subtitle')} />
      {matrix.error ? <ProblemAlert error={matrix.error} /> : null}
      {matrix.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {matrix.data ? (
        <div className="table-wrap">
          <table className="table matrix" data-testid="role-matrix">
            <thead>
              <tr>
                <th scope="col">{t('rolesPage.permission')}</th>
                {matrix.data.roles.map((r) => (
                  <th key={r.role} scope="col" className="matrix-role">
                    <span>{t(`roles.${r.role}`)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.data.permissions.map((p) => (
                <tr key={p}>
                  <th scope="row">
                    <div>{t(`permissions.${p.replace(/\./g, '_')}`, { defaultValue: p })}</div>
                    <div className="mono muted small">{p}</div>
                  </th>
                  {matrix.data.roles.map((r) => {
                    const has = r.permissions.includes(p);
                    return (
                      <td key={r.role} className={`matrix-cell${has ? ' has' : ''}`} aria-label={has ? t('common.yes') : t('common.no')} />
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
