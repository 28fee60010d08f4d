import { useCallback, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useCurrentUser } from '../session/useMe.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { Table, type Column } from '../ui/Table.tsx';
import { duration, reasonLabel, stateLabel } from './acd/labels.ts';
import { acdKeys, useAcdEvents, useAcdQueues, useAcdReasons, useWallboard } from './acd/queries.ts';
import type { Wallboard } from './acd/types.ts';
import { useNow } from './acd/useNow.ts';
import { AgentEditDialog } from './AgentEditDialog.tsx';
import { queueAlert } from './thresholds.ts';
import { useLiveChats } from './watch/useLiveChats.ts';
import { WatchLinks } from './watch/WatchLinks.tsx';
import './acd/acd.css';

type QueueRow = Wallboard['queues'][number];
type AgentRow = Wallboard['agents'][number];

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)} %`);
const secs = (x: number | null | undefined) => (x === null || x === undefined ? '—' : duration(x));

/**
 * The wallboard (M1) and live control (M4): queues with what waits now and today's figures,
 * coloured by thresholds (thresholds.ts); agents with state and time in state. A lead (floor
 * control) sets an agent's state and edits skills and queues. Re-read on every `acd.changed`
 * the server sends on the wallboard topic, and every 10 s for the clocks' sake.
 */
export function WallboardPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const control = me.permissions.includes('floor.control');
  const board = useWallboard();
  const reasons = useAcdReasons();
  const queues = useAcdQueues();
  const now = useNow();
  const [editing, setEditing] = useState<AgentRow | null>(null);
  const liveChats = useLiveChats(control);
  useAcdEvents(
    useCallback(
      (type: string) => {
        if (type === 'acd.changed' || type.startsWith('acdAgent') || type.startsWith('acdQueue')) void qc.invalidateQueries({ queryKey: acdKeys.wallboard });
      },
      [qc],
    ),
  );
  const setState = useMutation({
    mutationFn: ({ agentId, value }: { agentId: string; value: string }) => {
      const [state, reason] = value.split(':');
      return api.post(`/acd/agents/${agentId}/state`, { state, ...(reason ? { reason } : {}), ...(state === 'offline' ? { force: true } : {}) });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: acdKeys.wallboard }),
  });
  const fetchedAt = board.dataUpdatedAt || now;
  const reasonNames = (reasons.data ?? []).map((r) => ({ code: r.code, name: r.name }));
  const standard = ['break', 'lunch', 'training', 'meeting', 'technical'];
  const stateOptions = [
    { value: 'ready', label: t('wallboard.ready') },
    ...[...standard, ...(reasons.data ?? []).filter((r) => r.active).map((r) => r.code)].map((code) => ({ value: `notReady:${code}`, label: t('wallboard.notReady', { reason: reasonLabel(t, code, reasonNames) }) })),
    { value: 'offline', label: t('wallboard.offline') },
  ];
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? '';

  const columns: Column<AgentRow>[] = [
    { key: 'name', header: t('wallboard.name'), render: (a) => <strong>{a.name}</strong> },
    {
      key: 'state',
      header: t('wallboard.state'),
      render: (a) => (
        <span className={`wb-state state-${a.state}`} data-testid={`agent-state-${a.agentId}`}>
          <span className="agent-dot" aria-hidden="true" />
          {stateLabel(t, a.state, a.reason, reasonNames)}
        </span>
      ),
    },
    { key: 'inState', header: t('wallboard.inState'), className: 'num', render: (a) => duration(a.timeInStateSeconds + (now - fetchedAt) / 1000) },
    { key: 'queues', header: t('wallboard.agentQueues'), render: (a) => a.queueIds.map(queueName).join(', ') },
  ];
  if (control) {
    columns.push({ key: 'chats', header: t('chatWatch.column'), render: (a) => <WatchLinks agentId={a.agentId} chats={liveChats.data} /> });
    columns.push({
      key: 'actions',
      header: t('wallboard.actions'),
      className: 'actions',
      render: (a) => (
        <span className="agent-bar-actions">
          <select aria-label={t('wallboard.setState', { name: a.name })} value="" onChange={(e) => e.target.value && setState.mutate({ agentId: a.agentId, value: e.target.value })}>
            <option value="">{t('wallboard.keep')}</option>
            {stateOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(a)}>
            {t('wallboard.edit')}
          </button>
        </span>
      ),
    });
  }

  const byState = new Map<string, number>();
  for (const a of board.data?.agents ?? []) byState.set(a.state, (byState.get(a.state) ?? 0) + 1);

  return (
    <div className="page page-wide">
      <PageHeader title={t('wallboard.title')} subtitle={t('wallboard.subtitle')} />
      <ProblemAlert error={board.error ?? setState.error} />
      <h2>{t('wallboard.queues')}</h2>
      {board.data && board.data.queues.length === 0 ? <p className="muted">{t('wallboard.noQueues')}</p> : null}
      <div className="wallboard-queues">
        {(board.data?.queues ?? []).map((q) => (
          <QueueCard key={q.id} q={q} />
        ))}
      </div>
      <h2>{t('wallboard.agents')}</h2>
      <div className="wb-states">
        {[...byState].map(([state, n]) => (
          <span key={state} className={`wb-state state-${state}`}>
            <span className="agent-dot" aria-hidden="true" />
            {t(`acd.state.${state}`)}: <strong>{n}</strong>
          </span>
        ))}
      </div>
      <Table columns={columns} rows={board.data?.agents} rowKey={(a) => a.agentId} loading={board.isPending} empty={t('wallboard.noAgents')} caption={t('wallboard.agents')} />
      {editing ? <AgentEditDialog agent={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function QueueCard({ q }: { q: QueueRow }) {
  const { t } = useTranslation();
  const alert = queueAlert({ ...q, serviceLevelToday: q.today?.serviceLevel ?? null });
  const figures: [string, string, string][] = [
    ['waiting', t('wallboard.waiting'), String(q.waiting)],
    ['longestWait', t('wallboard.longestWait'), secs(q.longestWaitSeconds)],
    ['available', t('wallboard.available'), `${q.availableAgents} / ${q.members}`],
    ['offered', t('wallboard.offered'), String(q.today?.offered ?? 0)],
    ['answered', t('wallboard.answered'), String(q.today?.answered ?? 0)],
    ['abandoned', t('wallboard.abandoned'), String(q.today?.abandoned ?? 0)],
    ['serviceLevel', t('wallboard.serviceLevel'), percent(q.today?.serviceLevel)],
    ['asa', t('wallboard.asa'), secs(q.today?.asaSeconds)],
    ['aht', t('wallboard.aht'), secs(q.today?.ahtSeconds)],
  ];
  return (
    <section className={`wb-card alert-${alert}`} aria-label={q.name} data-testid={`queue-${q.id}`}>
      <h3>
        {q.name} <span className="muted">· {t(`acd.channel.${q.channel}`)} · {t(`wallboard.alert.${alert}`)}</span>
      </h3>
      <dl className="wb-figures">
        {figures.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`${key}-${q.id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">{t('wallboard.slHint', { seconds: q.serviceLevelSeconds })}</p>
    </section>
  );
}
