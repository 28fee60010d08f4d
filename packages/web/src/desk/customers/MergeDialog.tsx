import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Page } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { Customer } from '../types.ts';

/**
 * Joining a duplicate into this card: find the other card by phone, e-mail or name, pick it,
 * confirm. Its contacts and identifiers move here and it disappears (the server audits it).
 */
export function MergeDialog({ keep, onClose }: { keep: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Customer | null>(null);
  const found = useQuery({
    queryKey: [...keys.customers, 'search', q],
    queryFn: () => api.get<Page<Customer>>('/customers', { q, limit: 10 }),
    enabled: q.length >= 2,
  });
  const merge = useMutation({
    mutationFn: () => api.post<Customer>(`/customers/${keep.id}/merge`, { otherId: picked!.id }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.customers });
      void queryClient.invalidateQueries({ queryKey: keys.contacts });
      onClose();
    },
  });
  return (
    <Dialog
      title={t('desk.customer.mergeTitle', { name: keep.name })}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="danger" disabled={!picked} busy={merge.isPending} onClick={() => merge.mutate()}>
            {t('desk.customer.mergeConfirm')}
          </Button>
        </>
      }
    >
      <div className="form">
        <label className="field">
          <span className="field-label">{t('desk.customer.mergeSearch')}</span>
          <input type="search" name="mergeQuery" value={q} onChange={(e) => { setQ(e.target.value); setPicked(null); }} />
        </label>
        <ul className="pick-list" role="listbox" aria-label={t('desk.customer.mergeSearch')}>
          {found.data?.items.filter((c) => c.id !== keep.id).map((c) => (
            <li key={c.id}>
              <button type="button" role="option" aria-selected={picked?.id === c.id} className={`pick${picked?.id === c.id ? ' is-picked' : ''}`} onClick={() => setPicked(c)}>
                <strong>{c.name}</strong>
                <span className="small muted">{c.identifiers.map((i) => i.value).join(', ')}</span>
              </button>
            </li>
          ))}
        </ul>
        {picked ? <p className="alert alert-warn">{t('desk.customer.mergeWarn', { other: picked.name, keep: keep.name })}</p> : null}
        <ProblemAlert error={merge.error} />
      </div>
    </Dialog>
  );
}
