import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import type { MyContact } from '../../wallboard/acd/types.ts';

interface Props {
  offer: MyContact;
  queueName: string;
  now: number;
  busy: boolean;
  error: unknown;
  onAccept: () => void;
  onDecline: () => void;
}

/**
 * An offered contact (R3): who and from which queue, the seconds left before the offer is
 * withdrawn (and the agent set "not ready: no answer"), accept or decline. An alert dialog so
 * screen readers announce it the moment it appears.
 */
export function OfferPopup({ offer, queueName, now, busy, error, onAccept, onDecline }: Props) {
  const { t } = useTranslation();
  const left = offer.offerDeadline ? Math.max(0, Math.ceil((Date.parse(offer.offerDeadline) - now) / 1000)) : null;
  return (
    <div className="offer-popup" role="alertdialog" aria-labelledby="offer-title" aria-live="assertive">
      <h2 id="offer-title">{t('agentDesk.offer.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('agentDesk.offer.queue')}</dt>
          <dd>{queueName}</dd>
        </div>
        {offer.customerName ? (
          <div>
            <dt>{t('agentDesk.offer.customer')}</dt>
            <dd>{offer.customerName}</dd>
          </div>
        ) : null}
        {offer.subject ? (
          <div>
            <dt>{t('agentDesk.offer.subject')}</dt>
            <dd>{offer.subject}</dd>
          </div>
        ) : null}
      </dl>
      {left !== null ? <p className="offer-countdown">{t('agentDesk.offer.countdown', { seconds: left })}</p> : null}
      <div className="offer-actions">
        <Button variant="primary" busy={busy} onClick={onAccept}>
          {t('agentDesk.offer.accept')}
        </Button>
        <Button onClick={onDecline} disabled={busy}>
          {t('agentDesk.offer.decline')}
        </Button>
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}
