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
import type { EmployeePreferences } from './api.ts';
import { firstError, spansOf, spansText } from './availability.ts';

interface Employee {
  id: string; userId: string | null; name: string; rate: number; monthlyNormHours: number | null; skills: string[]; templates: string[]; active: boolean;
  unavailable: Array<{ from: string; to: string }>; preferences: EmployeePreferences;
}
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
  const [addingTemplate, setAddingTemplate] = useState(false);
  const columns: Column<Employee>[] = [
    { key: 'name', header: t('planning.staff.name'), render: (e) => <strong>{e.name}</strong> },
    { key: 'rate', header: t('planning.staff.rate'), className: 'num', render: (e) => e.rate },
    { key: 'skills', header: t('planning.staff.skills'), render: (e) => e.skills.join(', ') },
    { key: 'templates', header: t('planning.staff.templates'), render: (e) => e.templates.join(', ') || t('common.all') },
    { key: 'linked', header: t('planning.staff.user'), render: (e) => (e.userId ? '✓' : '') },
    { key: 'unavailable', header: t('planning.staff.unavailable'), render: (e) => spansText(e.unavailable) },
    {
      key: 'preferences',
      header: t('planning.staff.preferences'),
      render: (e) => [e.preferences.earliestStart || e.preferences.latestEnd ? `${e.preferences.earliestStart ?? '…'}–${e.preferences.latestEnd ?? '…'}` : '', e.preferences.daysOff?.length ? t('planning.staff.daysOffCount', { count: e.preferences.daysOff.length }) : ''].filter(Boolean).join('; '),
    },
  ];
  return (
    <>
      <div className="planning-toolbar"><div className="page-actions"><Button variant="primary" onClick={() => setEditing('new')}>{t('planning.staff.add')}</Button></div></div>
      <Table columns={columns} rows={employees.data} rowKey={(e) => e.id} loading={employees.isPending} error={employees.error} onRowClick={setEditing} caption={t('planning.staff.employees')} />
      <div className="planning-head">
        <h2>{t('planning.staff.shiftTemplates')}</h2>
        <Button onClick={() => setAddingTemplate(true)}>{t('planning.templates.add')}</Button>
      </div>
      <ul className="planning-templates">{templates.data?.map((x) => <li key={x.id}><strong>{x.name}</strong>: {x.earliestStart}–{x.latestStart} / {x.startStepMinutes} {t('planning.min')}, {x.lengthMinutes / 60} ч; {x.breaks.map((b) => `${b.name} ${b.minutes}${b.paid ? '' : '*'}`).join(', ')}</li>)}</ul>
      <RulesForm />
      {addingTemplate ? <TemplateDialog onClose={() => setAddingTemplate(false)} /> : null}
      {editing ? <EmployeeDialog employee={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function EmployeeDialog({ employee, onClose }: { employee: Employee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['planning', 'users'], queryFn: () => api.get<{ items: User[] }>('/users', { limit: 200 }).then((r) => r.items) });
  const [form, setForm] = useState({
    name: employee?.name ?? '', userId: employee?.userId ?? '', rate: String(employee?.rate ?? 1), monthlyNormHours: employee?.monthlyNormHours === null || employee?.monthlyNormHours === undefined ? '' : String(employee.monthlyNormHours), skills: employee?.skills.join(', ') ?? '', templates: employee?.templates.join(', ') ?? '',
    unavailable: spansText(employee?.unavailable ?? []), daysOff: employee?.preferences.daysOff?.join(', ') ?? '',
    earliestStart: employee?.preferences.earliestStart ?? '', latestEnd: employee?.preferences.latestEnd ?? '',
  });
  const done = () => { void queryClient.invalidateQueries({ queryKey: staffKey }); onClose(); };
  const save = useMutation({
    mutationFn: () => {
      const preferences = { ...(list(form.daysOff).length ? { daysOff: list(form.daysOff) } : {}), ...(form.earliestStart ? { earliestStart: form.earliestStart } : {}), ...(form.latestEnd ? { latestEnd: form.latestEnd } : {}) };
      const body = { name: form.name.trim(), userId: form.userId || null, rate: Number(form.rate), monthlyNormHours: form.monthlyNormHours.trim() ? Number(form.monthlyNormHours) : null, skills: list(form.skills), templates: list(form.templates), unavailable: spansOf(form.unavailable), preferences };
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
        <TextField label={t('planning.staff.monthlyNorm')} name="monthlyNormHours" type="number" value={form.monthlyNormHours} error={errors.monthlyNormHours} hint={t('planning.staff.monthlyNormHint')} onChange={(monthlyNormHours) => setForm((f) => ({ ...f, monthlyNormHours }))} />
        <TextField label={t('planning.staff.skills')} name="skills" value={form.skills} error={errors.skills} hint={t('planning.staff.listHint')} onChange={(skills) => setForm((f) => ({ ...f, skills }))} />
        <TextField label={t('planning.staff.templates')} name="templates" value={form.templates} error={errors.templates} hint={t('planning.staff.listHint')} onChange={(templates) => setForm((f) => ({ ...f, templates }))} />
        <fieldset className="planning-prefs">
          <legend>{t('planning.staff.availability')}</legend>
          <TextField label={t('planning.staff.unavailable')} name="unavailable" value={form.unavailable} error={firstError(errors, 'unavailable')} hint={t('planning.staff.unavailableHint')} onChange={(unavailable) => setForm((f) => ({ ...f, unavailable }))} />
          <TextField label={t('planning.staff.daysOff')} name="daysOff" value={form.daysOff} error={firstError(errors, 'preferences.daysOff')} hint={t('planning.staff.daysOffHint')} onChange={(daysOff) => setForm((f) => ({ ...f, daysOff }))} />
          <div className="form-row">
            <TextField label={t('planning.staff.earliestStart')} name="earliestStart" type="time" value={form.earliestStart} error={errors['preferences.earliestStart']} onChange={(earliestStart) => setForm((f) => ({ ...f, earliestStart }))} />
            <TextField label={t('planning.staff.latestEnd')} name="latestEnd" type="time" value={form.latestEnd} error={errors['preferences.latestEnd']} onChange={(latestEnd) => setForm((f) => ({ ...f, latestEnd }))} />
          </div>
        </fieldset>
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

/** "Перерыв 15 paid 90-150; Обед 60 unpaid 210-300" → break rules (name, minutes, paid, start window from the shift start). */
function breaksOf(text: string) {
  return text.split(';').map((x) => x.trim()).filter(Boolean).map((item) => {
    const words = item.split(/\s+/);
    const [earliest, latest] = (words.pop() ?? '').split('-');
    const paid = words.pop() === 'paid';
    const minutes = Number(words.pop());
    return { name: words.join(' '), minutes, paid, earliestStart: Number(earliest), latestStart: Number(latest ?? earliest) };
  });
}

/** A new shift template: start window and step, length, breaks with their windows. */
function TemplateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', earliestStart: '08:00', latestStart: '12:00', startStepMinutes: '60', lengthHours: '9', breaks: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const save = useMutation({
    mutationFn: () => api.post('/planning/shift-templates', {
      name: form.name.trim(), earliestStart: form.earliestStart, latestStart: form.latestStart, startStepMinutes: Number(form.startStepMinutes),
      lengthMinutes: Math.round(Number(form.lengthHours.replace(',', '.')) * 60), breaks: breaksOf(form.breaks),
    }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: staffKey }); onClose(); },
  });
  const errors = fieldErrors(save.error);
  return (
    <Dialog title={t('planning.templates.add')} onClose={onClose}
      footer={<EditDialogFooter form="template-form" onCancel={onClose} saving={save.isPending} />}>
      <form id="template-form" className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
        <TextField label={t('planning.templates.name')} name="templateName" value={form.name} error={errors.name} onChange={set('name')} />
        <div className="form-row">
          <TextField label={t('planning.templates.earliestStart')} name="templateEarliest" type="time" value={form.earliestStart} error={errors.earliestStart} onChange={set('earliestStart')} />
          <TextField label={t('planning.templates.latestStart')} name="templateLatest" type="time" value={form.latestStart} error={errors.latestStart} onChange={set('latestStart')} />
          <TextField label={t('planning.templates.step')} name="startStepMinutes" type="number" value={form.startStepMinutes} error={errors.startStepMinutes} onChange={set('startStepMinutes')} />
        </div>
        <TextField label={t('planning.templates.length')} name="lengthHours" inputMode="decimal" value={form.lengthHours} error={errors.lengthMinutes} onChange={set('lengthHours')} />
        <TextField label={t('planning.templates.breaks')} name="breaks" value={form.breaks} error={firstError(errors, 'breaks')} hint={t('planning.templates.breaksHint')} onChange={set('breaks')} />
        <ProblemAlert error={save.error} />
      </form>
    </Dialog>
  );
}
