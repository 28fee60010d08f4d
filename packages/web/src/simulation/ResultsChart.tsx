import { useTranslation } from 'react-i18next';
import type { IntervalResult } from '@linia/engine';

/**
 * Offered and abandoned per interval as bars (left scale, contacts) and the service level as a
 * line (right scale, 0–100 %): the three figures a planner reads a simulated day by.
 */
export function ResultsChart({ intervals, labels }: { intervals: IntervalResult[]; labels: string[] }) {
  const { t } = useTranslation();
  const n = intervals.length;
  if (n === 0) return null;
  const width = Math.max(600, n * 24);
  const height = 200;
  const max = Math.max(1, ...intervals.map((i) => i.offered));
  const slot = width / n;
  const x = (i: number) => i * slot;
  const y = (v: number) => height - (v / max) * (height - 10);
  const ySl = (v: number) => height - v * (height - 10);
  const step = Math.ceil(n / 12);
  const sl = intervals.flatMap((iv, i) => (iv.serviceLevel === null ? [] : [`${x(i) + slot / 2},${ySl(iv.serviceLevel)}`]));
  return (
    <figure className="sim-chart">
      <svg viewBox={`0 0 ${width} ${height + 18}`} preserveAspectRatio="none" role="img" aria-label={t('simulation.chart.label')}>
        <line x1={0} x2={width} y1={ySl(0.8)} y2={ySl(0.8)} className="sim-grid" />
        {intervals.map((iv, i) => (
          <g key={iv.index}>
            <rect className="sim-offered" x={x(i) + 1} y={y(iv.offered)} width={Math.max(1, slot - 2)} height={height - y(iv.offered)} />
            <rect className="sim-abandoned" x={x(i) + 1} y={y(iv.abandoned)} width={Math.max(1, slot - 2)} height={height - y(iv.abandoned)} />
          </g>
        ))}
        <polyline className="sim-sl" fill="none" points={sl.join(' ')} />
        {labels.map((l, i) => (i % step === 0 ? <text key={i} x={x(i)} y={height + 14} className="sim-label">{l}</text> : null))}
      </svg>
      <figcaption className="sim-legend">
        <span className="sim-key sim-offered">{t('simulation.offered')}</span>
        <span className="sim-key sim-abandoned">{t('simulation.abandoned')}</span>
        <span className="sim-key sim-sl">{t('simulation.serviceLevel')} (0–100 %, {t('simulation.chart.target')})</span>
        <span>max {max}</span>
      </figcaption>
    </figure>
  );
}
