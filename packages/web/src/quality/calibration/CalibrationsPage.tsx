import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table } from '../../ui/Table.tsx';
import { usePeople, useScorecards } from '../common/useQualityData.ts';
import { qualityKeys, type Calibration, type Evaluation } from '../types.ts';

/** Calibration sessions the caller leads or takes part in. */
export function CalibrationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const people = usePeople();
  const list = useQuery({ queryKey: qualityKeys.calibrations, queryFn: async () => (await api.get<{ items: Calibration[] }>('/quality/calibrations')).items });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('quality.calibration.title')} subtitle={t('quality.calibration.subtitle')}
        actions={me.permissions.includes('quality.manage') ? <Button variant="primary" onClick={() => setCreating(true)}>{t('quality.calibration.create')}</Button> : null} />
      <Table<Calibration>
        rows={list.data}
        loading={list.isLoading}
        error={list.error}
        rowKey={(c) => c.id}
        onRowClick={(c) => navigate(`/quality/calibrations/${c.id}`)}
        columns={[
          { key: 'title', header: t('quality.calibration.name'), render: (c) => c.title },
          { key: 'lead', header: t('quality.calibration.lead'), render: (c) => (c.leadId ? people.names.get(c.leadId) : '—') },
          { key: 'who', header: t('quality.calibration.evaluators'), render: (c) => c.evaluatorIds.map((id) => `${people.names.get(id) ?? ''}${c.submitted.includes(id) ? ' ✓' : ''}`).join(', ') },
          { key: 'status', header: t('quality.evaluations.status'), render: (c) => t(`quality.calibration.status.${c.status}`) },
          { key: 'created', header: t('quality.created'), className: 'nowrap', render: (c) => formatDateTime(c.createdAt) },
        ]}
      />
      {creating ? <CreateDialog onClose={() => setCreating(false)} onCreated={(id) => navigate(`/quality/calibrations/${id}`)} /> : null}
    </>
  );
}

/** A session on a contact that has an evaluation (so it is one worth discussing) with the chosen evaluators. */
function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cards = useScorecards();
  const people = usePeople();
  const recent = useQuery({ queryKey: [...qualityKeys.evaluations, 'recent'], queryFn: () => api.get<Page<Evaluation>>('/quality/evaluations', { limit: 100 }) });
  const contacts = [...new Map((recent.data?.items ?? []).map((e) => [e.contactId, e])).values()];
  const [form, setForm] = useState({ title: '', contactId: '', scorecardId: '', evaluatorIds: [] as string[] });
  const create = useMutation({
    mutationFn: () => api.post<Calibration>('/quality/calibrations', form),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.calibrations });
      onCreated(c.id);
    },
  });
  const toggle = (id: string) => setForm({ ...form, evaluatorIds: form.evaluatorIds.includes(id) ? form.evaluatorIds.filter((x) => x !== id) : [...form.evaluatorIds, id] });
  return (
    <Dialog title={t('quality.calibration.create')} onClose={onClose} wide footer={<><Button onClick={onClose}>{t('common.cancel')}</Button><Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>{t('common.save')}</Button></>}>
      <ProblemAlert error={create.error} />
      <div className="form">
        <label className="filter"><span>{t('quality.calibration.name')}</span><input name="calibrationTitle" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></label>
        <label className="filter"><span>{t('quality.evaluations.contact')}</span>
          <select name="calibrationContact" value={form.contactId} onChange={(e) => setForm({ ...form, contactId: e.target.value })}>
            <option value="">—</option>
            {contacts.map((e) => <option key={e.contactId} value={e.contactId}>{`${e.subject ?? e.contactId.slice(0, 8)} · ${e.agentName ?? ''} · ${formatDateTime(e.contactAt)}`}</option>)}
          </select>
        </label>
        <label className="filter"><span>{t('quality.scorecard')}</span>
          <select name="calibrationScorecard" value={form.scorecardId} onChange={(e) => setForm({ ...form, scorecardId: e.target.value })}>
            <option value="">—</option>
            {cards.data?.filter((c) => c.publishedVersion !== null).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
        <fieldset className="fieldset"><legend>{t('quality.calibration.evaluators')}</legend>
          {people.evaluators.map((u) => <label key={u.id} className="checkbox"><input type="checkbox" checked={form.evaluatorIds.includes(u.id)} onChange={() => toggle(u.id)} /> {u.name}</label>)}
        </fieldset>
      </div>
    </Dialog>
  );
}
