import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { EditDialogFooter } from '../ui/EditDialogFooter.tsx';
import { SelectField, TextField } from '../ui/Field.tsx';
import { fieldErrors, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { Table, type Column } from '../ui/Table.tsx';

interface Employee { id: string; userId: string | null; name: string; rate: number; monthlyNormHours: number | null; skills: string[]; templates: string[]; active: boolean }
interface Template { id: string; name: string; earliestStart: string; latestStart: string; startStepMinutes: number; lengthMinutes: number; breaks: Array<{ name: string; minutes: number; paid: boolean }> }
interface Rules { maxShiftHours: number; minRestHours: number; weeklyRestHours: number; nightStartHour: number; nightEndHour: number }

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const staffKey = ['planning', 'staff'] as const;

/** W4 set-up: employees (contract, skills, templates), shift templates, the tenant's labour rules. */
export function StaffPage() {
  const { t } = useTranslation();
  const employees = useQuery({ queryKey: [...staffKey, 'employees'], queryFn: () => api.get<{ items: Employee[] }>('/planning/employees', { limit: 200 }).then((r) => r.items) });
  const templates = useQuery({ queryKey: [...staffKey, 'templates'], queryFn: () => api.get<{ items: Template[] }>('/planning/shift-templates', { limit: 200 }).then((r) => r.items) });
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);
  const columns: Column<Employee>[] = [
    { key: 'name', header: t('planning.staff.name'), render: (e) => <strong>{e.name}</strong> },
    { key: 'rate', header: t('planning.staff.rate'), className: 'num', render: (e) => e.rate },
    { key: 'skills', header: t('planning.staff.skills'), render: (e) => e.skills.join(', ') },
    { key: 'templates', header: t('planning.staff.templates'), render: (e) => e.templates.join(', ') || t('common.all') },
    { key: 'linked', header: t('planning.staff.user'), render: (e) => (e.userId ? '✓' : '') },
  ];
  return (
    <>
      <div className="planning-toolbar"><div className="page-actions"><Button variant="primary" onClick={() => setEditing('new')}>{t('planning.staff.add')}</Button></div></div>
      <Table columns={columns} rows={employees.data} rowKey={(e) => e.id} loading={employees.isPending} error={employees.error} onRowClick={setEditing} caption={t('planning.staff.employees')} />
      <h2>{t('planning.staff.shiftTemplates')}</h2>
      <ul className="planning-templates">{templates.data?.map((x) => <li key={x.id}><strong>{x.name}</strong>: {x.earliestStart}–{x.latestStart} / {x.startStepMinutes} {t('planning.min')}, {x.lengthMinutes / 60} ч; {x.breaks.map((b) => `${b.name} ${b.minutes}${b.paid ? '' : '*'}`).join(', ')}</li>)}</ul>
      <RulesForm />
      {editing ? <EmployeeDialog employee={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function EmployeeDialog({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['planning', 'users'], queryFn: () => api.get<{ items: User[] }>('/users', { limit: 200 }).then((r) => r.items) });
  const [form, setForm] = useState({ name: employee?.name ?? '', userId: employee?.userId ?? '', rate: String(employee?.rate ?? 1), skills: employee?.skills.join(', ') ?? '', templates: employee?.templates.join(', ') ?? '' });
  const done = () => { void queryClient.invalidateQueries({ queryKey: staffKey }); onClose(); };
  const save = useMutation({
    mutationFn: () => {
      const body = { name: form.name.trim(), userId: form.userId || null, rate: Number(form.rate), skills: list(form.skills), templates: list(form.templates) };
      return employee ? api.patch(`/planning/employees/${employee.id}`, body) : api.post('/planning/employees', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/planning/employees/${employee!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  return (
    <Dialog title={employee ? employee.name : t('planning.staff.add')} onClose={onClose}
      footer={<EditDialogFooter form="employee-form" onCancel={onClose} saving={save.isPending} onDelete={employee ? () => remove.mutate() : undefined} deleting={remove.isPending} />}>
      <form id="employee-form" className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
        <TextField label={t('planning.staff.name')} name="name" value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        <SelectField label={t('planning.staff.user')} name="userId" value={form.userId} error={errors.userId} onChange={(userId) => setForm((f) => ({ ...f, userId }))}
          options={[{ value: '', label: '—' }, ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.login})` }))]} />
        <TextField label={t('planning.staff.rate')} name="rate" type="number" step="0.25" value={form.rate} error={errors.rate} onChange={(rate) => setForm((f) => ({ ...f, rate }))} />
        <TextField label={t('planning.staff.skills')} name="skills" value={form.skills} error={errors.skills} hint={t('planning.staff.listHint')} onChange={(skills) => setForm((f) => ({ ...f, skills }))} />
        <TextField label={t('planning.staff.templates')} name="templates" value={form.templates} error={errors.templates} hint={t('planning.staff.listHint')} onChange={(templates) => setForm((f) => ({ ...f, templates }))} />
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}

function RulesForm() {
  const { t } = useTranslation();
  const rules = useQuery({ queryKey: [...staffKey, 'rules'], queryFn: () => api.get<Rules>('/planning/rules') });
  const [form, setForm] = useState<Record<string, string> | null>(null);
  const values = form ?? (rules.data ? Object.fromEntries(Object.entries(rules.data).map(([k, v]) => [k, String(v)])) : null);
  const save = useMutation({ mutationFn: () => api.put<Rules>('/planning/rules', Object.fromEntries(Object.entries(values!).map(([k, v]) => [k, Number(v)]))) });
  if (!values) return null;
  const errors = fieldErrors(save.error);
  const fields = ['maxShiftHours', 'minRestHours', 'weeklyRestHours', 'nightStartHour', 'nightEndHour'] as const;
  return (
    <section>
      <h2>{t('planning.staff.rules')}</h2>
      <form className="planning-toolbar" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        {fields.map((k) => <TextField key={k} label={t(`planning.staff.${k}`)} name={k} type="number" value={values[k] ?? ''} error={errors[k]} onChange={(v) => setForm({ ...values, [k]: v })} />)}
        <div className="page-actions"><Button type="submit" busy={save.isPending}>{t('common.save')}</Button></div>
      </form>
      {save.isSuccess ? <p role="status">{t('planning.staff.saved')}</p> : null}
      <ProblemAlert error={save.error} />
    </section>
  );
}
