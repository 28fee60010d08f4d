import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { caseTitle, statusTone } from '../cases/labels.ts';
import type { Case } from '../cases/types.ts';

/**
 * The customer's open cases beside the contact: link this contact to one ("the customer calls
 * about case 1234 again") or open a new case from it.
 */
export function CasesPanel({ contactId, customerId, canEdit }: { contactId: string; customerId: string | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cases = useQuery({
    queryKey: ['cases', 'customer', customerId],
    queryFn: () => api.get<Page<Case>>('/cases', { customerId: customerId ?? undefined, open: 'true', limit: 20 }),
    enabled: !!customerId,
  });
  const link = useMutation({
    mutationFn: (caseId: string) => api.post(`/cases/${caseId}/contacts`, { contactId }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
  return (
    <section className="card workspace-cases" aria-label={t('workspace.cases')}>
      <h2>{t('workspace.cases')}</h2>
      <ProblemAlert error={cases.error ?? link.error} />
      <ul className="plain-list">
        {cases.data?.items.map((c) => (
          <li key={c.id} className="workspace-case">
            <Link to={`/desk/cases/${c.id}`}>{caseTitle(c)}</Link> <Badge tone={statusTone(c.status)}>{t(`cases.statuses.${c.status}`)}</Badge>
            {canEdit && !c.contactIds.includes(contactId) ? (
              <Button size="sm" variant="ghost" busy={link.isPending && link.variables === c.id} onClick={() => link.mutate(c.id)}>{t('workspace.linkCase')}</Button>
            ) : c.contactIds.includes(contactId) ? <span className="small muted">{t('workspace.linked')}</span> : null}
          </li>
        ))}
        {customerId && cases.data?.items.length === 0 ? <li className="muted small">{t('workspace.noCases')}</li> : null}
      </ul>
      {canEdit ? <Link className="btn btn-sm" to={`/desk/cases/new?contactId=${contactId}`}>{t('workspace.newCase')}</Link> : null}
    </section>
  );
}
