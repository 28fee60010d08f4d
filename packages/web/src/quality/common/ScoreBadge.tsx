import { percent } from '../types.ts';

/** A score with a colour: green from 85 %, amber from 60 %, red below — the usual bands of a QA report. */
export function ScoreBadge({ score }: { score: number | null | undefined }) {
  const tone = score === null || score === undefined ? 'badge-muted' : score >= 0.85 ? 'badge-ok' : score >= 0.6 ? 'badge-warn' : 'badge-danger';
  return <span className={`badge ${tone}`} data-testid="score">{percent(score)}</span>;
}
