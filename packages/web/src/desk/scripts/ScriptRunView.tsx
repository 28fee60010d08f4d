import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WalkedStep } from '@linia/engine';
import { api } from '../../api/client.ts';
import { ScriptPath } from './ScriptPath.tsx';
import './scripts.css';

interface Run {
  scriptName: string;
  scriptVersion: number;
  path: WalkedStep[];
  finished: boolean;
  outcome: string | null;
}

/** The path the operator walked through the script on this contact, as it was shown then. */
export function ScriptRunView({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const run = useQuery({
    queryKey: ['contacts', contactId, 'script-run'],
    queryFn: () => api.get<{ run: Run | null }>(`/contacts/${contactId}/script-run`).then((r) => r.run),
  });
  if (!run.data) return null;
  const r = run.data;
  return (
    <section className="script-run" aria-label={t('scripts.run.title')}>
      <h3>{t('scripts.run.title')}: {r.scriptName} <span className="muted small">({t('scripts.run.version', { version: r.scriptVersion })})</span></h3>
      <ScriptPath path={r.path} />
      <p className="small">{r.finished ? t('scripts.run.finished', { outcome: r.outcome }) : t('scripts.run.unfinished')}</p>
    </section>
  );
}
