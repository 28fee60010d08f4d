import { successors, type ScriptDefinition, type ScriptStep } from '@linia/engine';
import { useTranslation } from 'react-i18next';

const W = 172;
const H = 44;
const GAP_X = 30;
const GAP_Y = 48;

/**
 * The script as a picture: steps in rows by their distance from the start, arrows for every
 * transition (answers labelled). Clicking a box selects that step's card. Steps nobody reaches
 * are drawn in the last row, dashed, so they stand out.
 */
export function FlowDiagram({ def, selected, onSelect }: { def: ScriptDefinition; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const layout = layoutOf(def);
  const width = Math.max(...layout.rows.map((r) => r.length), 1) * (W + GAP_X) + GAP_X;
  const height = layout.rows.length * (H + GAP_Y) + GAP_Y;
  const pos = layout.pos;
  return (
    <svg className="flow-diagram" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('scripts.editor.diagram')}>
      <defs>
        <marker id="flow-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="flow-arrowhead" />
        </marker>
      </defs>
      {def.steps.flatMap((s) =>
        edgesOf(s).map((e, i) => {
          const a = pos.get(s.id);
          const b = pos.get(e.to);
          if (!a || !b) return null;
          const [x1, y1, x2, y2] = [a.x + W / 2, a.y + H, b.x + W / 2, b.y];
          const back = y2 <= y1; // a loop back up: curve around the side
          const d = back
            ? `M ${a.x + W} ${a.y + H / 2} C ${a.x + W + 40} ${a.y + H / 2}, ${b.x + W + 40} ${b.y + H / 2}, ${b.x + W} ${b.y + H / 2}`
            : `M ${x1} ${y1} L ${x2} ${y2}`;
          return (
            <g key={`${s.id}-${i}`}>
              <path d={d} className="flow-edge" markerEnd="url(#flow-arrow)" fill="none" />
              {e.label ? (
                // Near the start of the arrow, one line per answer, so answers to one step never overlap.
                <text x={x1 + (x2 - x1) * 0.25 + 4} y={y1 + 12 + i * 11} className="flow-edge-label">{clip(e.label, 18)}</text>
              ) : null}
            </g>
          );
        }),
      )}
      {def.steps.map((s) => {
        const p = pos.get(s.id)!;
        const cls = `flow-node flow-${s.kind}${s.id === selected ? ' is-selected' : ''}${layout.unreached.has(s.id) ? ' is-unreached' : ''}${s.id === def.start ? ' is-start' : ''}`;
        return (
          <g key={s.id} className={cls} transform={`translate(${p.x} ${p.y})`} onClick={() => onSelect(s.id)} role="button" aria-label={`${s.id}: ${s.text}`}>
            <rect width={W} height={H} rx={s.kind === 'end' ? 22 : 6} />
            <text x={8} y={16} className="flow-kind">{t(`scripts.kind.${s.kind}`)} · {s.id}</text>
            <text x={8} y={34} className="flow-text">{clip(s.text || '…', 23)}</text>
          </g>
        );
      })}
    </svg>
  );
}

function edgesOf(s: ScriptStep): { to: string; label?: string }[] {
  if (s.kind === 'question') return s.answers.map((a) => ({ to: a.next, label: a.label }));
  return successors(s).map((to) => ({ to }));
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** Rows by breadth-first distance from the start; unreachable steps form a last row. */
function layoutOf(def: ScriptDefinition) {
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const queue = byId.has(def.start) ? [def.start] : [];
  if (queue.length) depth.set(def.start, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of successors(byId.get(id)!)) {
      if (byId.has(n) && !depth.has(n)) {
        depth.set(n, depth.get(id)! + 1);
        queue.push(n);
      }
    }
  }
  const rows: string[][] = [];
  const unreached = new Set<string>();
  const last = Math.max(-1, ...depth.values()) + 1;
  for (const s of def.steps) {
    const d = depth.get(s.id) ?? last;
    if (!depth.has(s.id)) unreached.add(s.id);
    (rows[d] ??= []).push(s.id);
  }
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => row.forEach((id, c) => pos.set(id, { x: GAP_X + c * (W + GAP_X), y: GAP_Y / 2 + r * (H + GAP_Y) })));
  return { rows: rows.filter(Boolean), pos, unreached };
}
