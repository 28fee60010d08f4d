import { useTranslation } from 'react-i18next';
import type { SlaClock } from './types.ts';

/** "2 h 15 min" from milliseconds, rounded to the minute. */
export function formatDuration(ms: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('cases.sla.hm', { h, m }) : t('cases.sla.m', { m });
}

/**
 * An SLA clock as a coloured countdown: green while on time, amber past the warning threshold,
 * red once breached, grey when paused or met. Colour is never the only signal: the text says it.
 */
export function SlaBadge({ clock, label }: { clock: SlaClock | null; label: string }) {
  const { t } = useTranslation();
  if (!clock) return <span className="sla sla-none">{label}: {t('cases.sla.none')}</span>;
  let text: string;
  if (clock.state === 'met') text = t('cases.sla.met');
  else if (clock.paused) text = t('cases.sla.paused', { left: formatDuration(clock.remainingMs, t) });
  else if (clock.state === 'breached') text = t('cases.sla.breached');
  else text = t('cases.sla.left', { left: formatDuration(clock.remainingMs, t) });
  const tone = clock.paused && clock.state !== 'breached' ? 'paused' : clock.state;
  return (
    <span className={`sla sla-${tone}`} title={clock.dueAt ? t('cases.sla.due', { at: new Date(clock.dueAt).toLocaleString() }) : undefined}>
      {label}: {text}
    </span>
  );
}
