import { useTranslation } from 'react-i18next';

export interface Series {
  key: string;
  name: string;
  points: { period: string; score: number | null; evaluations: number }[];
}

const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#ca8a04'];
const W = 640;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/**
 * Score over periods, one line per agent or group, drawn as plain SVG (no chart library for one
 * chart). The y axis is fixed 0–100 % so charts of different weeks compare at a glance; a gap
 * (a period without evaluations) breaks the line.
 */
export function TrendChart({ series }: { series: Series[] }) {
  const { t } = useTranslation();
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  if (periods.length === 0) return <p className="muted">{t('quality.results.noData')}</p>;
  const x = (p: string) => PAD.left + (periods.length === 1 ? (W - PAD.left - PAD.right) / 2 : (periods.indexOf(p) / (periods.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  const shown = series.slice(0, COLORS.length);
  return (
    <figure className="q-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('quality.results.trend')}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e5e7eb" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#6b7280">{v * 100}%</text>
          </g>
        ))}
        {periods.map((p) => <text key={p} x={x(p)} y={H - 8} textAnchor="middle" fontSize="10" fill="#6b7280">{p.slice(5)}</text>)}
        {shown.map((s, i) => {
          const segments: string[][] = [[]];
          for (const pt of s.points) {
            if (pt.score === null) segments.push([]);
            else segments[segments.length - 1]!.push(`${x(pt.period)},${y(pt.score)}`);
          }
          return (
            <g key={s.key} data-series={s.name}>
              {segments.filter((g) => g.length > 1).map((g, j) => <polyline key={j} points={g.join(' ')} fill="none" stroke={COLORS[i]} strokeWidth="2" />)}
              {s.points.filter((pt) => pt.score !== null).map((pt) => (
                <circle key={pt.period} cx={x(pt.period)} cy={y(pt.score!)} r="3" fill={COLORS[i]}><title>{`${s.name} ${pt.period}: ${(pt.score! * 100).toFixed(1)} % (${pt.evaluations})`}</title></circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="q-legend">
        {shown.map((s, i) => <span key={s.key}><i style={{ background: COLORS[i] }} /> {s.name}</span>)}
      </figcaption>
    </figure>
  );
}
