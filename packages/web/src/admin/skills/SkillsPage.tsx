import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { acdKeys, useAcdReasons, useAcdSkills } from '../../wallboard/acd/queries.ts';
import type { AcdReason, AcdSkill } from '../../wallboard/acd/types.ts';

type Kind = 'skills' | 'reasons';
type Editing = { kind: Kind; row: AcdSkill | AcdReason | null } | null;

/** ACD skills and the tenant's own not-ready reason codes: two short lists, one dialog. */
export function SkillsPage() {
  const { t } = useTranslation();
  const canEdit = useCurrentUser().permissions.includes('acd.configure');
  const skills = useAcdSkills();
  const reasons = useAcdReasons();
  const [editing, setEditing] = useState<Editing>(null);
  const skillColumns: Column<AcdSkill>[] = [
    { key: 'name', header: t('acdSkills.name'), render: (s) => <strong>{s.name}</strong> },
    { key: 'code', header: t('acdSkills.code'), render: (s) => <code>{s.code}</code> },
  ];
  const reasonColumns: Column<AcdReason>[] = [
    { key: 'name', header: t('acdSkills.name'), render: (r) => <strong>{r.name}</strong> },
    { key: 'code', header: t('acdSkills.code'), render: (r) => <code>{r.code}</code> },
    { key: 'active', header: t('common.status'), render: (r) => (r.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>) },
  ];
  return (
    <>
      <PageHeader title={t('acdSkills.title')} subtitle={t('acdSkills.subtitle')} />
      <h2>{t('acdSkills.skills')}</h2>
      {canEdit ? <Button variant="primary" onClick={() => setEditing({ kind: 'skills', row: null })}>{t('acdSkills.createSkill')}</Button> : null}
      <Table columns={skillColumns} rows={skills.data} rowKey={(s) => s.id} loading={skills.isPending} error={skills.error} onRowClick={canEdit ? (row) => setEditing({ kind: 'skills', row }) : undefined} caption={t('acdSkills.skills')} />
      <h2>{t('acdSkills.reasons')}</h2>
      <p className="muted">{t('acdSkills.standard')}</p>
      {canEdit ? <Button variant="primary" onClick={() => setEditing({ kind: 'reasons', row: null })}>{t('acdSkills.createReason')}</Button> : null}
      <Table columns={reasonColumns} rows={reasons.data} rowKey={(r) => r.id} loading={reasons.isPending} error={reasons.error} onRowClick={canEdit ? (row) => setEditing({ kind: 'reasons', row }) : undefined} caption={t('acdSkills.reasons')} />
      {editing ? <CodeDialog kind={editing.kind} row={editing.row} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function CodeDialog({ kind, row, onClose }: { kind: Kind; row: AcdSkill | AcdReason | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({ code: row?.code ?? '', name: row?.name ?? '', active: (row as AcdReason | null)?.active ?? true });
  const done = () => {
    void qc.invalidateQueries({ queryKey: acdKeys[kind] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      if (!row) return api.post(`/acd/${kind}`, { code: form.code.trim(), name: form.name.trim() });
      return api.patch(`/acd/${kind}/${row.id}`, kind === 'skills' ? { name: form.name.trim() } : { name: form.name.trim(), active: form.active });
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/acd/${kind}/${row!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = row ? row.name : t(kind === 'skills' ? 'acdSkills.createSkill' : 'acdSkills.createReason');
  return (
    <Dialog title={title} onClose={onClose} footer={<EditDialogFooter form="code-form" onCancel={onClose} saving={save.isPending} onDelete={row ? () => remove.mutate() : undefined} deleting={remove.isPending} />}>
      <form id="code-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('acdSkills.code')} name="code" value={form.code} disabled={row !== null} error={errors.code} onChange={(code) => setForm((f) => ({ ...f, code }))} />
        <TextField label={t('acdSkills.name')} name="name" value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        {row && kind === 'reasons' ? <Checkbox label={t('acdSkills.active')} checked={form.active} onChange={(active) => setForm((f) => ({ ...f, active }))} /> : null}
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
