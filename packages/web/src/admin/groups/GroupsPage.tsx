import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useQuery } from '@tanstack/react-query';
import { fetchAll } from '../../api/fetchAll.ts';
import type { User } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import type { ResolverGroup } from '../../desk/cases/types.ts';
import { caseKeys, useGroups, useMembers } from '../../desk/cases/useCases.ts';

/** Resolver groups (L1, L2, departments), where each escalates to, and who is in them. */
export function GroupsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('cases.manage');
  const groups = useGroups();
  const [editing, setEditing] = useState<ResolverGroup | 'new' | null>(null);
  const name = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  const columns: Column<ResolverGroup>[] = [
    { key: 'name', header: t('caseAdmin.name'), render: (g) => <strong>{g.name}</strong> },
    { key: 'kind', header: t('caseAdmin.kind'), render: (g) => t(`caseAdmin.kinds.${g.kind}`) },
    { key: 'level', header: t('caseAdmin.level'), className: 'num', render: (g) => g.level },
    { key: 'esc', header: t('caseAdmin.escalateTo'), render: (g) => (g.escalateToId ? name.get(g.escalateToId) ?? '—' : '—') },
  ];
  return (
    <>
      <PageHeader title={t('caseAdmin.groups')} subtitle={t('caseAdmin.groupsSubtitle')}
        actions={canEdit ? <Button variant="primary" onClick={() => setEditing('new')}>{t('caseAdmin.createGroup')}</Button> : null} />
      <Table columns={columns} rows={groups.data} rowKey={(g) => g.id} loading={groups.isPending} error={groups.error}
        onRowClick={canEdit ? (g) => setEditing(g) : undefined} caption={t('caseAdmin.groups')} />
      {editing ? <GroupDialog group={editing === 'new' ? null : editing} groups={groups.data ?? []} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function GroupDialog({ group, groups, onClose }: { group: ResolverGroup | null; groups: ResolverGroup[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => fetchAll<User>('/users') });
  const members = useMembers(group?.id ?? null);
  const [form, setForm] = useState({ name: group?.name ?? '', kind: group?.kind ?? 'line', level: String(group?.level ?? 1), escalateToId: group?.escalateToId ?? '' });
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? new Set((members.data ?? []).map((m) => m.userId));
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.groups });
    onClose();
  };
  const save = useMutation({
    mutationFn: async () => {
      const body = { name: form.name, kind: form.kind, level: Number(form.level), escalateToId: form.escalateToId || null };
      const saved = group ? await api.patch<ResolverGroup>(`/resolver-groups/${group.id}`, body) : await api.post<ResolverGroup>('/resolver-groups', body);
      if (picked) await api.put(`/resolver-groups/${saved.id}/members`, { userIds: [...picked] });
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/resolver-groups/${group!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  return (
    <Dialog title={group ? group.name : t('caseAdmin.createGroup')} onClose={onClose}
      footer={<EditDialogFooter form="group-form" onCancel={onClose} saving={save.isPending} onDelete={group ? () => remove.mutate() : undefined} deleting={remove.isPending} />}>
      <form id="group-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('caseAdmin.name')} value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        <SelectField label={t('caseAdmin.kind')} value={form.kind} onChange={(kind) => setForm((f) => ({ ...f, kind: kind as 'line' | 'department' }))}
          options={(['line', 'department'] as const).map((k) => ({ value: k, label: t(`caseAdmin.kinds.${k}`) }))} />
        <TextField label={t('caseAdmin.level')} type="number" value={form.level} error={errors.level} onChange={(level) => setForm((f) => ({ ...f, level }))} />
        <SelectField label={t('caseAdmin.escalateTo')} value={form.escalateToId} error={errors.escalateToId} onChange={(escalateToId) => setForm((f) => ({ ...f, escalateToId }))}
          options={[{ value: '', label: '—' }, ...groups.filter((g) => g.id !== group?.id).map((g) => ({ value: g.id, label: g.name }))]} />
        <fieldset className="field">
          <legend>{t('caseAdmin.members')}</legend>
          {(users.data ?? []).filter((u) => u.active && u.role !== 'client_viewer').map((u) => (
            <Checkbox key={u.id} label={u.name} checked={chosen.has(u.id)} onChange={(on) => toggle(u.id, on)} />
          ))}
        </fieldset>
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
