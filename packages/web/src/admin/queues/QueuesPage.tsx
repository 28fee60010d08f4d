import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { acdKeys, useAcdQueues, useAcdSkills } from '../../wallboard/acd/queries.ts';
import type { AcdQueue } from '../../wallboard/acd/types.ts';

const STRATEGIES = ['longestIdle', 'leastOccupied', 'roundRobin', 'bestProficiency', 'stickyLastAgent'] as const;
const CHANNELS = ['voice', 'chat', 'email'] as const;

/** ACD queues (R1–R3): who may configure them is `acd.configure`; everyone at the desk may read them. */
export function QueuesPage() {
  const { t } = useTranslation();
  const canEdit = useCurrentUser().permissions.includes('acd.configure');
  const queues = useAcdQueues();
  const hotlines = useHotlines();
  const [editing, setEditing] = useState<AcdQueue | 'new' | null>(null);
  const columns: Column<AcdQueue>[] = [
    { key: 'name', header: t('acdQueues.name'), render: (q) => <strong>{q.name}</strong> },
    { key: 'hotline', header: t('acdQueues.hotline'), render: (q) => hotlines.data?.find((h) => h.id === q.hotlineId)?.name ?? '' },
    { key: 'channel', header: t('acdQueues.channel'), render: (q) => t(`acd.channel.${q.channel}`) },
    { key: 'priority', header: t('acdQueues.priority'), className: 'num', render: (q) => q.priority },
    { key: 'strategy', header: t('acdQueues.strategy'), render: (q) => t(`acdQueues.strategies.${q.strategy}`) },
    {
      key: 'flags',
      header: t('common.status'),
      render: (q) => (
        <>
          {q.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>} <Badge>{t('acdQueues.sl', { seconds: q.serviceLevelSeconds })}</Badge>{' '}
          {q.autoAccept ? <Badge tone="accent">{t('acdQueues.auto')}</Badge> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('acdQueues.title')}
        subtitle={t('acdQueues.subtitle')}
        actions={canEdit ? <Button variant="primary" onClick={() => setEditing('new')}>{t('acdQueues.create')}</Button> : null}
      />
      <Table columns={columns} rows={queues.data} rowKey={(q) => q.id} loading={queues.isPending} error={queues.error} onRowClick={canEdit ? (q) => setEditing(q) : undefined} caption={t('acdQueues.title')} />
      {editing ? <QueueDialog queue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** The form keeps numbers as text (what the inputs hold) and converts once on save. */
function QueueDialog({ queue, onClose }: { queue: AcdQueue | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const hotlines = useHotlines();
  const skills = useAcdSkills();
  const lower = queue?.overflow.find((r) => (r as { action: { kind: string } }).action.kind === 'lowerMinimum') as { afterSeconds: number; action: { to: number } } | undefined;
  const [form, setForm] = useState({
    name: queue?.name ?? '',
    hotlineId: queue?.hotlineId ?? '',
    channel: queue?.channel ?? 'voice',
    priority: String(queue?.priority ?? 0),
    strategy: queue?.strategy ?? 'longestIdle',
    offerTimeoutSeconds: String(queue?.offerTimeoutSeconds ?? 20),
    wrapUpSeconds: String(queue?.wrapUpSeconds ?? 30),
    autoAccept: queue?.autoAccept ?? false,
    serviceLevelSeconds: String(queue?.serviceLevelSeconds ?? 20),
    shortAbandonSeconds: String(queue?.shortAbandonSeconds ?? 5),
    agingPerMinute: String(queue?.agingPerMinute ?? 0),
    overflowAfter: lower ? String(lower.afterSeconds) : '',
    overflowTo: String(lower?.action.to ?? 1),
    active: queue?.active ?? true,
  });
  const [mins, setMins] = useState<Record<string, string>>(() => Object.fromEntries((queue?.skills ?? []).map((s) => [s.skillId, String(s.min)])));
  const set = <K extends keyof typeof form>(k: K) => (v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const done = () => {
    void qc.invalidateQueries({ queryKey: acdKeys.all });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name.trim(),
        hotlineId: form.hotlineId,
        channel: form.channel,
        priority: Number(form.priority),
        strategy: form.strategy,
        offerTimeoutSeconds: Number(form.offerTimeoutSeconds),
        wrapUpSeconds: Number(form.wrapUpSeconds),
        autoAccept: form.autoAccept,
        serviceLevelSeconds: Number(form.serviceLevelSeconds),
        shortAbandonSeconds: Number(form.shortAbandonSeconds),
        agingPerMinute: Number(form.agingPerMinute),
        skills: Object.entries(mins).filter(([, v]) => v !== '').map(([skillId, v]) => ({ skillId, min: Number(v) })),
        overflow: form.overflowAfter.trim() === '' ? [] : [{ afterSeconds: Number(form.overflowAfter), action: { kind: 'lowerMinimum', to: Number(form.overflowTo) } }],
      };
      return queue ? api.patch(`/acd/queues/${queue.id}`, { ...body, active: form.active }) : api.post('/acd/queues', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/acd/queues/${queue!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const num = (key: keyof typeof form, label: string) => (
    <TextField label={label} name={key} inputMode="numeric" value={form[key] as string} error={errors[key]} onChange={set(key) as (v: string) => void} />
  );
  return (
    <Dialog
      wide
      title={queue ? queue.name : t('acdQueues.create')}
      onClose={onClose}
      footer={<EditDialogFooter form="queue-form" onCancel={onClose} saving={save.isPending} onDelete={queue ? () => remove.mutate() : undefined} deleting={remove.isPending} />}
    >
      <form id="queue-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('acdQueues.name')} name="name" value={form.name} error={errors.name} onChange={set('name')} />
        <SelectField
          label={t('acdQueues.hotline')}
          name="hotlineId"
          value={form.hotlineId}
          error={errors.hotlineId}
          options={[{ value: '', label: '—' }, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]}
          onChange={set('hotlineId')}
        />
        <SelectField label={t('acdQueues.channel')} name="channel" value={form.channel} options={CHANNELS.map((c) => ({ value: c, label: t(`acd.channel.${c}`) }))} onChange={(v) => set('channel')(v as AcdQueue['channel'])} />
        <SelectField label={t('acdQueues.strategy')} name="strategy" value={form.strategy} options={STRATEGIES.map((s) => ({ value: s, label: t(`acdQueues.strategies.${s}`) }))} onChange={set('strategy')} />
        {num('priority', t('acdQueues.priority'))}
        {num('agingPerMinute', t('acdQueues.aging'))}
        <fieldset>
          <legend>{t('acdQueues.skills')}</legend>
          {(skills.data ?? []).map((s) => (
            <SelectField
              key={s.id}
              label={s.name}
              value={mins[s.id] ?? ''}
              options={[{ value: '', label: '—' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `≥ ${n}` }))]}
              onChange={(v) => setMins((m) => ({ ...m, [s.id]: v }))}
            />
          ))}
        </fieldset>
        {num('offerTimeoutSeconds', t('acdQueues.offerTimeout'))}
        {num('wrapUpSeconds', t('acdQueues.wrapUp'))}
        <Checkbox label={t('acdQueues.autoAccept')} checked={form.autoAccept} onChange={set('autoAccept')} />
        {num('serviceLevelSeconds', t('acdQueues.serviceLevel'))}
        {num('shortAbandonSeconds', t('acdQueues.shortAbandon'))}
        {num('overflowAfter', t('acdQueues.overflowAfter'))}
        {form.overflowAfter.trim() !== '' ? num('overflowTo', t('acdQueues.overflowTo')) : null}
        {queue ? <Checkbox label={t('acdQueues.active')} checked={form.active} onChange={set('active')} /> : null}
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
