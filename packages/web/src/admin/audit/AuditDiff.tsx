import { useTranslation } from 'react-i18next';

/**
 * Before and after side by side, with the keys that changed highlighted: for an update
 * that is what the reader is looking for; for create/delete one side is simply empty.
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changed = changedKeys(before, after);
  return (
    <div className="audit-diff" data-testid="audit-diff">
      {changed.length ? (
        <p className="small">
          <span className="muted">{t('audit.changed')}: </span>
          {changed.map((k) => (
            <code key={k} className="changed-key">
              {k}
            </code>
          ))}
        </p>
      ) : null}
      <div className="diff-cols">
        <div>
          <h4>{t('audit.before')}</h4>
          <pre>{format(before)}</pre>
        </div>
        <div>
          <h4>{t('audit.after')}</h4>
          <pre>{format(after)}</pre>
        </div>
      </div>
    </div>
  );
}

function format(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

function changedKeys(before: unknown, after: unknown): string[] {
  if (!isObject(before) || !isObject(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
