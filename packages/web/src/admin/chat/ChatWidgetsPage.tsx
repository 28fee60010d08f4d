import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fetchAll } from '../../api/fetchAll.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';
import { useAcdQueues } from '../../wallboard/acd/queries.ts';
import { useCalendars } from '../calendars/CalendarsPage.tsx';
import './chatWidgets.css';

interface ChatWidget {
  id: string;
  hotlineId: string;
  queueId: string;
  publicKey: string;
  name: string;
  greeting: string;
  active: boolean;
  calendarId: string | null;
  messagesPerMinute: number;
}

const widgetKeys = { all: ['chatWidgets'] as const };
const useWidgets = () => useQuery({ queryKey: widgetKeys.all, queryFn: () => fetchAll<ChatWidget>('/chat-widgets') });

/** The tag a site owner pastes into their pages: the server this app runs on, the widget's key. */
export const snippetOf = (key: string) => `<script src="${window.location.origin}/widget.js" data-key="${key}" async></script>`;

/** Web-chat widgets per hotline (issue 4, web chat): queue, greeting, hours, flood limit, and the snippet to copy. */
export function ChatWidgetsPage() {
  const { t } = useTranslation();
  const widgets = useWidgets();
  const hotlines = useHotlines();
  const queues = useAcdQueues();
  const [editing, setEditing] = useState<ChatWidget | 'new' | null>(null);
  const columns: Column<ChatWidget>[] = [
    { key: 'name', header: t('chatWidgets.name'), render: (w) => <strong>{w.name}</strong> },
    { key: 'hotline', header: t('chatWidgets.hotline'), render: (w) => hotlines.data?.find((h) => h.id === w.hotlineId)?.name ?? '' },
    { key: 'queue', header: t('chatWidgets.queue'), render: (w) => queues.data?.find((q) => q.id === w.queueId)?.name ?? '' },
    { key: 'greeting', header: t('chatWidgets.greeting'), render: (w) => w.greeting },
    { key: 'active', header: t('common.status'), render: (w) => (w.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>) },
    { key: 'snippet', header: t('chatWidgets.snippet'), render: (w) => <code className="chat-widget-snippet">{snippetOf(w.publicKey)}</code> },
  ];
  return (
    <>
      <PageHeader title={t('chatWidgets.title')} subtitle={t('chatWidgets.subtitle')} actions={<Button variant="primary" onClick={() => setEditing('new')}>{t('chatWidgets.create')}</Button>} />
      <Table columns={columns} rows={widgets.data} rowKey={(w) => w.id} loading={widgets.isPending} error={widgets.error} onRowClick={(w) => setEditing(w)} caption={t('chatWidgets.title')} />
      {editing ? <WidgetDialog widget={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function WidgetDialog({ widget, onClose }: { widget: ChatWidget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const hotlines = useHotlines();
  const queues = useAcdQueues();
  const calendars = useCalendars();
  const [copied, setCopied] = useState(false);
  const [form, setForm] = useState({
    name: widget?.name ?? '',
    hotlineId: widget?.hotlineId ?? '',
    queueId: widget?.queueId ?? '',
    greeting: widget?.greeting ?? '',
    calendarId: widget?.calendarId ?? '',
    messagesPerMinute: String(widget?.messagesPerMinute ?? 30),
    active: widget?.active ?? true,
  });
  const set = <K extends keyof typeof form>(k: K) => (v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const done = () => {
    void qc.invalidateQueries({ queryKey: widgetKeys.all });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name.trim(),
        hotlineId: form.hotlineId,
        queueId: form.queueId,
        greeting: form.greeting.trim(),
        calendarId: form.calendarId || null,
        messagesPerMinute: Number(form.messagesPerMinute),
        active: form.active,
      };
      return widget ? api.patch(`/chat-widgets/${widget.id}`, body) : api.post('/chat-widgets', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/chat-widgets/${widget!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const chatQueues = (queues.data ?? []).filter((q) => q.channel === 'chat' && (!form.hotlineId || q.hotlineId === form.hotlineId));
  return (
    <Dialog
      wide
      title={widget ? widget.name : t('chatWidgets.create')}
      onClose={onClose}
      footer={<EditDialogFooter form="chat-widget-form" onCancel={onClose} saving={save.isPending} onDelete={widget ? () => remove.mutate() : undefined} deleting={remove.isPending} />}
    >
      <form id="chat-widget-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('chatWidgets.name')} name="name" value={form.name} error={errors.name} onChange={set('name')} />
        <SelectField
          label={t('chatWidgets.hotline')}
          name="hotlineId"
          value={form.hotlineId}
          error={errors.hotlineId}
          options={[{ value: '', label: '—' }, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]}
          onChange={set('hotlineId')}
        />
        <SelectField
          label={t('chatWidgets.queue')}
          name="queueId"
          value={form.queueId}
          error={errors.queueId}
          hint={t('chatWidgets.queueHint')}
          options={[{ value: '', label: '—' }, ...chatQueues.map((q) => ({ value: q.id, label: q.name }))]}
          onChange={set('queueId')}
        />
        <TextField label={t('chatWidgets.greeting')} name="greeting" value={form.greeting} error={errors.greeting} onChange={set('greeting')} />
        <SelectField
          label={t('chatWidgets.calendar')}
          name="calendarId"
          value={form.calendarId}
          error={errors.calendarId}
          options={[{ value: '', label: t('chatWidgets.hotlineCalendar') }, ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          onChange={set('calendarId')}
        />
        <TextField label={t('chatWidgets.perMinute')} name="messagesPerMinute" inputMode="numeric" value={form.messagesPerMinute} error={errors.messagesPerMinute} onChange={set('messagesPerMinute')} />
        <Checkbox label={t('chatWidgets.active')} name="active" checked={form.active} onChange={set('active')} />
        {widget ? (
          <div className="chat-widget-embed">
            <p>{t('chatWidgets.embed')}</p>
            <code className="chat-widget-snippet" aria-label={t('chatWidgets.snippet')}>{snippetOf(widget.publicKey)}</code>
            <Button
              onClick={() => {
                void navigator.clipboard?.writeText(snippetOf(widget.publicKey)).then(() => setCopied(true));
              }}
            >
              {copied ? t('chatWidgets.copied') : t('chatWidgets.copy')}
            </Button>
          </div>
        ) : null}
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
