/** A small SVG chart of interval series (bars and lines) with time on x; enough for history, forecast and coverage. */
export interface Series {
  label: string;
  values: Array<number | null>;
  kind: 'bar' | 'line' | 'step';
  className: string;
}

export function SeriesChart({ labels, series, height = 180, marks = [] }: { labels: string[]; series: Series[]; height?: number; marks?: number[] }) {
  const n = labels.length;
  if (n === 0) return null;
  const width = Math.max(600, n * 4);
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = (i: number) => (i / n) * width;
  const y = (v: number) => height - (v / max) * (height - 10);
  const step = Math.ceil(n / 12);
  return (
    <figure className="planning-chart">
      <svg viewBox={`0 0 ${width} ${height + 18}`} preserveAspectRatio="none" role="img" aria-label={series.map((s) => s.label).join(', ')}>
        {marks.map((i) => <rect key={`m${i}`} x={x(i)} y={0} width={width / n} height={height} className="chart-mark" />)}
        {series.map((s) =>
          s.kind === 'bar' ? (
            <g key={s.label} className={s.className}>
              {s.values.map((v, i) => (v ? <rect key={i} x={x(i) + 0.5} y={y(v)} width={Math.max(1, width / n - 1)} height={height - y(v)} /> : null))}
            </g>
          ) : (
            <polyline
              key={s.label}
              className={s.className}
              fill="none"
              points={s.values
                .flatMap((v, i) => (v === null ? [] : s.kind === 'step' ? [`${x(i)},${y(v)}`, `${x(i + 1)},${y(v)}`] : [`${x(i) + width / n / 2},${y(v)}`]))
                .join(' ')}
            />
          ),
        )}
        {labels.map((l, i) => (i % step === 0 ? <text key={i} x={x(i)} y={height + 14} className="chart-label">{l}</text> : null))}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => <span key={s.label} className={`legend ${s.className}`}>{s.label}</span>)}
        <span className="chart-max">max {Math.round(max)}</span>
      </figcaption>
    </figure>
  );
}
