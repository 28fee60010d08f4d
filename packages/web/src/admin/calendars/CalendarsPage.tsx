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
import { caseKeys } from '../../desk/cases/useCases.ts';
import { DEFAULT_TIME_ZONE, timeZones } from '../hotlines/timeZones.ts';

export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  week: { from: string; to: string }[][];
  production: 'ru' | 'none';
  holidays: string[];
  workingDays: string[];
  shortenedByMinutes: number;
  createdAt: string;
}

export const useCalendars = () => useQuery({ queryKey: caseKeys.calendars, queryFn: () => fetchAll<BusinessCalendar>('/calendars') });

const hoursText = (day: { from: string; to: string }[]) => day.map((h) => `${h.from}–${h.to}`).join(', ');

/** Business calendars (working hours, holidays, the production calendar) and which hotline uses which. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('cases.manage');
  const calendars = useCalendars();
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);
  const columns: Column<BusinessCalendar>[] = [
    { key: 'name', header: t('caseAdmin.name'), render: (c) => <strong>{c.name}</strong> },
    { key: 'tz', header: t('caseAdmin.timeZone'), render: (c) => c.timeZone },
    { key: 'week', header: t('caseAdmin.weekdays'), render: (c) => hoursText(c.week[0] ?? []) || '—' },
    { key: 'production', header: t('caseAdmin.production'), render: (c) => t(`caseAdmin.productions.${c.production}`) },
  ];
  return (
    <>
      <PageHeader title={t('caseAdmin.calendars')} subtitle={t('caseAdmin.calendarsSubtitle')}
        actions={canEdit ? <Button variant="primary" onClick={() => setEditing('new')}>{t('caseAdmin.createCalendar')}</Button> : null} />
      <Table columns={columns} rows={calendars.data} rowKey={(c) => c.id} loading={calendars.isPending} error={calendars.error}
        onRowClick={canEdit ? (c) => setEditing(c) : undefined} caption={t('caseAdmin.calendars')} />
      <HotlineCalendars canEdit={canEdit} />
      {editing ? <CalendarDialog calendar={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const parseDates = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);

function CalendarDialog({ calendar, onClose }: { calendar: BusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? DEFAULT_TIME_ZONE,
    production: calendar?.production ?? 'ru',
    // One stretch per day on this screen; an empty "from" makes the day a day off.
    week: DAYS.map((d) => {
      const h = calendar ? calendar.week[d]?.[0] : d < 5 ? { from: '09:00', to: '18:00' } : undefined;
      return { from: h?.from ?? '', to: h?.to ?? '' };
    }),
    holidays: (calendar?.holidays ?? []).join(', '),
    workingDays: (calendar?.workingDays ?? []).join(', '),
    shortenedByMinutes: String(calendar?.shortenedByMinutes ?? 60),
  });
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.calendars });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name, timeZone: form.timeZone, production: form.production,
        week: form.week.map((h) => (h.from ? [{ from: h.from, to: h.to }] : [])),
        holidays: parseDates(form.holidays), workingDays: parseDates(form.workingDays),
        shortenedByMinutes: Number(form.shortenedByMinutes),
      };
      return calendar ? api.patch(`/calendars/${calendar.id}`, body) : api.post('/calendars', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/calendars/${calendar!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setDay = (d: number, k: 'from' | 'to', v: string) => setForm((f) => ({ ...f, week: f.week.map((h, i) => (i === d ? { ...h, [k]: v } : h)) }));
  return (
    <Dialog title={calendar ? calendar.name : t('caseAdmin.createCalendar')} onClose={onClose} wide
      footer={<EditDialogFooter form="calendar-form" onCancel={onClose} saving={save.isPending} onDelete={calendar ? () => remove.mutate() : undefined} deleting={remove.isPending} />}>
      <form id="calendar-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('caseAdmin.name')} value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        <SelectField label={t('caseAdmin.timeZone')} value={form.timeZone} error={errors.timeZone} onChange={(timeZone) => setForm((f) => ({ ...f, timeZone }))}
          options={timeZones().map((z) => ({ value: z, label: z }))} />
        <SelectField label={t('caseAdmin.production')} value={form.production} onChange={(v) => setForm((f) => ({ ...f, production: v as 'ru' | 'none' }))}
          options={(['ru', 'none'] as const).map((p) => ({ value: p, label: t(`caseAdmin.productions.${p}`) }))} />
        <fieldset className="field">
          <legend>{t('caseAdmin.hours')}</legend>
          {DAYS.map((d) => (
            <div key={d} className="case-filters">
              <TextField label={t(`caseAdmin.day.${d}`)} placeholder="09:00" value={form.week[d]!.from} error={errors[`week.${d}.0.from`] ?? errors[`week.${d}`]} onChange={(v) => setDay(d, 'from', v)} />
              <TextField label={t('caseAdmin.until')} placeholder="18:00" value={form.week[d]!.to} error={errors[`week.${d}.0.to`]} onChange={(v) => setDay(d, 'to', v)} />
            </div>
          ))}
        </fieldset>
        <TextField label={t('caseAdmin.holidays')} hint={t('caseAdmin.datesHint')} value={form.holidays} error={errors.holidays} onChange={(holidays) => setForm((f) => ({ ...f, holidays }))} />
        <TextField label={t('caseAdmin.workingDays')} hint={t('caseAdmin.datesHint')} value={form.workingDays} error={errors.workingDays} onChange={(workingDays) => setForm((f) => ({ ...f, workingDays }))} />
        <TextField label={t('caseAdmin.shortenedBy')} type="number" value={form.shortenedByMinutes} error={errors.shortenedByMinutes} onChange={(v) => setForm((f) => ({ ...f, shortenedByMinutes: v }))} />
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}

interface ServiceSettings {
  hotlineId: string;
  calendarId: string | null;
  complaintDecisionDays: number;
}

/** Each hotline's calendar (its opening hours and SLA clock) and complaint decision deadline. */
function HotlineCalendars({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const hotlines = useHotlines();
  return (
    <section aria-label={t('caseAdmin.hotlineSettings')}>
      <h2 className="section-title">{t('caseAdmin.hotlineSettings')}</h2>
      {(hotlines.data ?? []).map((h) => <HotlineRow key={h.id} hotlineId={h.id} name={h.name} canEdit={canEdit} />)}
    </section>
  );
}

function HotlineRow({ hotlineId, name, canEdit }: { hotlineId: string; name: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const key = [...caseKeys.calendars, 'hotline', hotlineId];
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: key, queryFn: () => api.get<ServiceSettings>(`/hotlines/${hotlineId}/service-settings`) });
  const save = useMutation({
    mutationFn: (s: Omit<ServiceSettings, 'hotlineId'>) => api.put<ServiceSettings>(`/hotlines/${hotlineId}/service-settings`, s),
    onSuccess: (s) => queryClient.setQueryData(key, s),
  });
  const s = settings.data;
  if (!s) return null;
  return (
    <div className="case-filters">
      <strong style={{ minWidth: 240 }}>{name}</strong>
      <SelectField label={t('caseAdmin.calendar')} value={s.calendarId ?? ''} disabled={!canEdit}
        onChange={(v) => save.mutate({ calendarId: v || null, complaintDecisionDays: s.complaintDecisionDays })}
        options={[{ value: '', label: t('caseAdmin.roundTheClock') }, ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))]} />
      <TextField label={t('caseAdmin.decisionDays')} type="number" defaultValue={String(s.complaintDecisionDays)} disabled={!canEdit}
        onChange={() => {}} onBlur={(e) => save.mutate({ calendarId: s.calendarId, complaintDecisionDays: Number(e.target.value) })}
        error={fieldErrors(save.error).complaintDecisionDays} />
    </div>
  );
}
