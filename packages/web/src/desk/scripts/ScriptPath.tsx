import type { WalkedStep } from '@linia/engine';

/** The steps walked so far: the text shown, and the answer chosen or the value typed. */
export function ScriptPath({ path }: { path: readonly WalkedStep[] }) {
  if (path.length === 0) return null;
  return (
    <ol className="script-path small">
      {path.map((p, i) => (
        <li key={i}>
          <span className="muted">{p.text}</span>
          {p.answerLabel ? <> — <strong>{p.answerLabel}</strong></> : null}
          {p.value ? <> — <strong>{p.value}</strong></> : null}
        </li>
      ))}
    </ol>
  );
}
