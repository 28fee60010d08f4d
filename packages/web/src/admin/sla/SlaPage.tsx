import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { CASE_TYPES } from '../../desk/cases/types.ts';
import { caseKeys } from '../../desk/cases/useCases.ts';
import { formatDuration } from '../../desk/cases/SlaBadge.tsx';
import { useCalendars } from '../calendars/CalendarsPage.tsx';

interface SlaPolicy {
  id: string;
  name: string;
  hotlineId: string | null;
  caseType: string | null;
  priority: string | null;
  responseMinutes: number;
  resolutionMinutes: number;
  calendarId: string | null;
  warnPercent: number;
  createdAt: string;
}

const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

/** SLA policies: response and resolution targets per hotline × case type × priority, on a calendar. */
export function SlaPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('cases.manage');
  const policies = useQuery({ queryKey: caseKeys.sla, queryFn: () => fetchAll<SlaPolicy>('/sla-policies') });
  const hotlines = useHotlines();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const any = t('caseAdmin.any');
  const columns: Column<SlaPolicy>[] = [
    { key: 'name', header: t('caseAdmin.name'), render: (p) => <strong>{p.name}</strong> },
    { key: 'hotline', header: t('caseAdmin.hotline'), render: (p) => (p.hotlineId ? hotlines.data?.find((h) => h.id === p.hotlineId)?.name ?? '' : any) },
    { key: 'type', header: t('caseAdmin.caseType'), render: (p) => (p.caseType ? t(`cases.types.${p.caseType}`) : any) },
    { key: 'priority', header: t('caseAdmin.priority'), render: (p) => (p.priority ? t(`cases.priorities.${p.priority}`) : any) },
    { key: 'response', header: t('caseAdmin.response'), className: 'num', render: (p) => formatDuration(p.responseMinutes * 60_000, t) },
    { key: 'resolution', header: t('caseAdmin.resolution'), className: 'num', render: (p) => formatDuration(p.resolutionMinutes * 60_000, t) },
    { key: 'calendar', header: t('caseAdmin.calendar'), render: (p) => (p.calendarId ? calendars.data?.find((c) => c.id === p.calendarId)?.name ?? '' : t('caseAdmin.hotlineCalendar')) },
  ];
  return (
    <>
      <PageHeader title={t('caseAdmin.sla')} subtitle={t('caseAdmin.slaSubtitle')}
        actions={canEdit ? <Button variant="primary" onClick={() => setEditing('new')}>{t('caseAdmin.createSla')}</Button> : null} />
      <Table columns={columns} rows={policies.data} rowKey={(p) => p.id} loading={policies.isPending} error={policies.error}
        onRowClick={canEdit ? (p) => setEditing(p) : undefined} caption={t('caseAdmin.sla')} />
      {editing ? <SlaDialog policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function SlaDialog({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const calendars = useCalendars();
  const [form, setForm] = useState({
    name: policy?.name ?? '', hotlineId: policy?.hotlineId ?? '', caseType: policy?.caseType ?? '', priority: policy?.priority ?? '',
    responseMinutes: String(policy?.responseMinutes ?? 240), resolutionMinutes: String(policy?.resolutionMinutes ?? 960),
    calendarId: policy?.calendarId ?? '', warnPercent: String(policy?.warnPercent ?? 80),
  });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.sla });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name, hotlineId: form.hotlineId || null, caseType: form.caseType || null, priority: form.priority || null,
        responseMinutes: Number(form.responseMinutes), resolutionMinutes: Number(form.resolutionMinutes),
        calendarId: form.calendarId || null, warnPercent: Number(form.warnPercent),
      };
      return policy ? api.patch(`/sla-policies/${policy.id}`, body) : api.post('/sla-policies', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/sla-policies/${policy!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const any = { value: '', label: t('caseAdmin.any') };
  return (
    <Dialog title={policy ? policy.name : t('caseAdmin.createSla')} onClose={onClose}
      footer={<EditDialogFooter form="sla-form" onCancel={onClose} saving={save.isPending} onDelete={policy ? () => remove.mutate() : undefined} deleting={remove.isPending} />}>
      <form id="sla-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('caseAdmin.name')} value={form.name} error={errors.name} onChange={set('name')} />
        <SelectField label={t('caseAdmin.hotline')} value={form.hotlineId} onChange={set('hotlineId')} error={errors.hotlineId}
          options={[any, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]} />
        <SelectField label={t('caseAdmin.caseType')} value={form.caseType} onChange={set('caseType')}
          options={[any, ...CASE_TYPES.map((x) => ({ value: x, label: t(`cases.types.${x}`) }))]} />
        <SelectField label={t('caseAdmin.priority')} value={form.priority} onChange={set('priority')}
          options={[any, ...PRIORITIES.map((x) => ({ value: x, label: t(`cases.priorities.${x}`) }))]} />
        <TextField label={t('caseAdmin.responseMinutes')} type="number" value={form.responseMinutes} error={errors.responseMinutes} onChange={set('responseMinutes')} />
        <TextField label={t('caseAdmin.resolutionMinutes')} type="number" value={form.resolutionMinutes} error={errors.resolutionMinutes} onChange={set('resolutionMinutes')} />
        <SelectField label={t('caseAdmin.calendar')} value={form.calendarId} onChange={set('calendarId')} error={errors.calendarId}
          options={[{ value: '', label: t('caseAdmin.hotlineCalendar') }, ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))]} />
        <TextField label={t('caseAdmin.warnPercent')} type="number" value={form.warnPercent} error={errors.warnPercent} onChange={set('warnPercent')} />
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
