import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { duration, reasonLabel, stateLabel } from '../../wallboard/acd/labels.ts';
import { acdKeys, useAcdEvents, useAcdQueues, useAgentMe } from '../../wallboard/acd/queries.ts';
import { useNow } from '../../wallboard/acd/useNow.ts';
import { OfferPopup } from './OfferPopup.tsx';
import { useAgentActions } from './useAgentActions.ts';
import '../../wallboard/acd/acd.css';

/**
 * The agent's state bar over every desk screen (R2): the current state with its time, ready /
 * not ready with a reason / offline, and the incoming-offer popup. Hidden for users who are not
 * configured as agents. Refreshed by the agent's own realtime events (offers, state changes).
 */
export function AgentBar() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useAgentMe();
  const queues = useAcdQueues();
  const now = useNow();
  const { setState, onContact } = useAgentActions();
  const [reason, setReason] = useState('break');
  useAcdEvents(
    useCallback(
      (_type: string, topic: string) => {
        if (topic.startsWith('user:')) void qc.invalidateQueries({ queryKey: acdKeys.me });
      },
      [qc],
    ),
  );
  const agent = me.data?.agent;
  if (!agent) return null;
  const reasons = me.data!.reasons.filter((r) => r.code !== 'noAnswer');
  const allowed = new Set(me.data!.allowed);
  const offers = me.data!.contacts.filter((c) => c.status === 'offered');
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? '';
  return (
    <section className={`agent-bar agent-state-${agent.state}`} aria-label={t('agentDesk.bar')}>
      <div className="agent-bar-state">
        <span className="agent-dot" aria-hidden="true" />
        <strong data-testid="agent-state">{stateLabel(t, agent.state, agent.reason, me.data!.reasons)}</strong>
        <span className="muted">{duration((now - Date.parse(agent.since)) / 1000)}</span>
      </div>
      <div className="agent-bar-actions">
        <Button variant="primary" size="sm" disabled={!allowed.has('ready') || agent.presence === 'ready'} busy={setState.isPending} onClick={() => setState.mutate({ state: 'ready' })}>
          {t('agentDesk.goReady')}
        </Button>
        <select aria-label={t('agentDesk.reason')} value={reason} onChange={(e) => setReason(e.target.value)}>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {reasonLabel(t, r.code, me.data!.reasons)}
            </option>
          ))}
        </select>
        <Button size="sm" disabled={!allowed.has('notReady')} onClick={() => setState.mutate({ state: 'notReady', reason })}>
          {t('agentDesk.goNotReady')}
        </Button>
        <Button size="sm" variant="ghost" disabled={!allowed.has('offline')} onClick={() => setState.mutate({ state: 'offline' })}>
          {t('agentDesk.goOffline')}
        </Button>
      </div>
      <ProblemAlert error={setState.error} />
      {offers.length > 0 ? (
        <OfferPopup
          offer={offers[0]!}
          queueName={queueName(offers[0]!.queueId)}
          now={now}
          busy={onContact.isPending}
          error={onContact.error}
          onAccept={() => {
            const offer = offers[0]!;
            // A chat is answered on the chats screen, beside the other chats in hand.
            onContact.mutate({ contactId: offer.contactId, action: 'accept' }, {
              onSuccess: () => {
                if (offer.channel === 'chat') void navigate(`/desk/chats/${offer.contactId}`);
              },
            });
          }}
          onDecline={() => onContact.mutate({ contactId: offers[0]!.contactId, action: 'decline' })}
        />
      ) : null}
    </section>
  );
}
