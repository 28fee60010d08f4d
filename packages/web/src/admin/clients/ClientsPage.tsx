import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useClients } from '../../api/referenceData.ts';
import type { Client } from '../../api/types.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EditDialogFooter } from '../../ui/EditDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Checkbox, TextField } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { Table, type Column } from '../../ui/Table.tsx';

/** Client companies whose hotlines the center runs. */
export function ClientsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('clients.edit');
  const clients = useClients();
  const [editing, setEditing] = useState<Client | 'new' | null>(null);

  const columns: Column<Client>[] = [
    { key: 'name', header: t('clients.name'), render: (c) => <strong>{c.name}</strong> },
    { key: 'legalName', header: t('clients.legalName'), render: (c) => c.legalName ?? '—' },
    {
      key: 'active',
      header: t('common.status'),
      render: (c) => (c.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>),
    },
    { key: 'createdAt', header: t('common.created'), className: 'nowrap', render: (c) => formatDate(c.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.clients')}
        subtitle={t('clients.subtitle')}
        actions={
          canEdit ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              {t('clients.create')}
            </Button>
          ) : null
        }
      />
      <Table
        columns={columns}
        rows={clients.data}
        rowKey={(c) => c.id}
        loading={clients.isPending}
        error={clients.error}
        onRowClick={canEdit ? (c) => setEditing(c) : undefined}
        caption={t('admin.clients')}
      />
      {editing ? <ClientDialog client={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function ClientDialog({ client, onClose }: { client: Client | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: client?.name ?? '', legalName: client?.legalName ?? '', active: client?.active ?? true });
  const done = () => {
    // A client's name shows in hotline and user lists too.
    void queryClient.invalidateQueries({ queryKey: keys.clients });
    void queryClient.invalidateQueries({ queryKey: keys.hotlines });
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = { name: form.name.trim(), legalName: form.legalName.trim() || null };
      return client ? api.patch<Client>(`/clients/${client.id}`, { ...body, active: form.active }) : api.post<Client>('/clients', body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.delete(`/clients/${client!.id}`), onSuccess: done });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog
      title={client ? client.name : t('clients.create')}
      onClose={onClose}
      footer={
        <EditDialogFooter
          form="client-form"
          onCancel={onClose}
          saving={save.isPending}
          onDelete={client ? () => remove.mutate() : undefined}
          deleting={remove.isPending}
        />
      }
    >
      <form id="client-form" className="form" onSubmit={submit} noValidate>
        <TextField label={t('clients.name')} name="name" value={form.name} error={errors.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
        <TextField
          label={t('clients.legalName')}
          name="legalName"
          value={form.legalName}
          error={errors.legalName}
          onChange={(legalName) => setForm((f) => ({ ...f, legalName }))}
        />
        {client ? (
          <Checkbox label={t('clients.activeLabel')} name="active" checked={form.active} onChange={(active) => setForm((f) => ({ ...f, active }))} />
        ) : null}
        <ProblemAlert error={save.error ?? remove.error} />
      </form>
    </Dialog>
  );
}
