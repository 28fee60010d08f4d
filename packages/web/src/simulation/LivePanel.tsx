import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { useLiveControl, useLiveStatus } from './api.ts';

/**
 * "Run live on the demo center": virtual agents and customers driving this server through its
 * API, so the wallboard moves. Offered only where the server allows it (the demo tenant).
 */
export function LivePanel() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const { start, stop } = useLiveControl();
  if (!status.data) return null;
  const s = status.data.result?.summary;
  return (
    <section className="sim-live" aria-label={t('simulation.live.title')}>
      <h2>{t('simulation.live.title')}</h2>
      <p className="sim-note">{t('simulation.live.hint')}</p>
      <div className="sim-actions">
        {status.data.running ? (
          <Button variant="danger" busy={stop.isPending} onClick={() => stop.mutate()}>{t('simulation.live.stop')}</Button>
        ) : (
          <Button variant="primary" busy={start.isPending} onClick={() => start.mutate()}>{t('simulation.live.start')}</Button>
        )}
        <Link to="/wallboard">{t('simulation.live.wallboard')}</Link>
      </div>
      {s ? <p data-testid="sim-live-progress">{t('simulation.live.running', { offered: s.offered, answered: s.answered, abandoned: s.abandoned })}</p> : null}
      {status.data.error ? <div className="alert alert-error">{status.data.error}</div> : null}
      <ProblemAlert error={start.error ?? stop.error} />
    </section>
  );
}
