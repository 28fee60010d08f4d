import { useTranslation } from 'react-i18next';
import type { QualityAutoRule } from '@linia/engine';
import { Button } from '../../ui/Button.tsx';
import type { Content } from './ScorecardEditorPage.tsx';

const KINDS = ['greeting', 'forbiddenPhrases', 'firstResponseTime', 'averageResponseTime', 'scriptFields'] as const;
const list = (text: string) => text.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);

function blank(kind: (typeof KINDS)[number], criterionId: string): QualityAutoRule {
  if (kind === 'greeting' || kind === 'forbiddenPhrases') return { kind, criterionId, phrases: [] };
  if (kind === 'scriptFields') return { kind, criterionId, requiredFields: [] };
  return { kind, criterionId, maxSeconds: 60 };
}

/** Automatic checks that pre-fill criteria in the workspace: phrases (Russian word forms match), timings, script fields. */
export function AutoRulesEditor({ content, onChange }: { content: Content; onChange: (rules: QualityAutoRule[]) => void }) {
  const { t } = useTranslation();
  const criteria = content.sections.flatMap((s) => s.criteria);
  const set = (i: number, r: QualityAutoRule | null) => onChange(r ? content.autoRules.map((x, j) => (j === i ? r : x)) : content.autoRules.filter((_, j) => j !== i));
  return (
    <section className="q-section" aria-label={t('quality.auto.title')}>
      <h2 className="section-title">{t('quality.auto.title')}</h2>
      <p className="small muted">{t('quality.auto.hint')}</p>
      {content.autoRules.map((r, i) => (
        <div className="q-row" key={i}>
          <label className="filter"><span>{t('quality.auto.kind')}</span>
            <select value={r.kind} onChange={(e) => set(i, blank(e.target.value as (typeof KINDS)[number], r.criterionId))}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`quality.auto.rule.${k}`)}</option>)}
            </select>
          </label>
          <label className="filter"><span>{t('quality.scorecards.criterion')}</span>
            <select value={r.criterionId} onChange={(e) => set(i, { ...r, criterionId: e.target.value })}>
              {criteria.map((c) => <option key={c.id} value={c.id}>{c.title || c.id}</option>)}
            </select>
          </label>
          {r.kind === 'greeting' || r.kind === 'forbiddenPhrases' ? (
            <label className="filter filter-grow"><span>{t('quality.auto.phrases')}</span>
              <input defaultValue={r.phrases.join(', ')} onBlur={(e) => set(i, { ...r, phrases: list(e.target.value) })} />
            </label>
          ) : r.kind === 'scriptFields' ? (
            <label className="filter filter-grow"><span>{t('quality.auto.fields')}</span>
              <input defaultValue={r.requiredFields.join(', ')} onBlur={(e) => set(i, { ...r, requiredFields: list(e.target.value) })} />
            </label>
          ) : (
            <label className="filter q-num"><span>{t('quality.auto.maxSeconds')}</span>
              <input type="number" min={1} value={r.maxSeconds} onChange={(e) => set(i, { ...r, maxSeconds: Number(e.target.value) })} />
            </label>
          )}
          <Button size="sm" variant="ghost" onClick={() => set(i, null)}>×</Button>
        </div>
      ))}
      <Button size="sm" disabled={criteria.length === 0} onClick={() => onChange([...content.autoRules, blank('greeting', criteria[0]!.id)])}>{t('quality.auto.add')}</Button>
    </section>
  );
}
