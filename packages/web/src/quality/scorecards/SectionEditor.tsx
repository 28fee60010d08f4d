import { useTranslation } from 'react-i18next';
import { QUALITY_ERROR_CLASSES, QUALITY_FAIL_EFFECTS, type QualityCriterion, type QualityScale, type QualitySection } from '@linia/engine';
import { Button } from '../../ui/Button.tsx';
import { newCriterion } from './ScorecardEditorPage.tsx';

const SCALES = ['yesNo', 'points3', 'points4', 'points5', 'custom'] as const;

/** «0:нет; 2:частично; 5:да» ↔ custom options; what a keyboard user types fastest. */
const optionsText = (s: QualityScale) => (s.kind === 'custom' ? s.options.map((o) => `${o.value}:${o.label}`).join('; ') : '');
function parseOptions(text: string): QualityScale {
  const options = text.split(';').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [v, ...rest] = p.split(':');
    return { value: Number(v), label: rest.join(':').trim() || String(v).trim() };
  });
  return { kind: 'custom', options };
}

/** One section of the scorecard editor with its criteria. */
export function SectionEditor({ index, section, taken, onChange }: { index: number; section: QualitySection; taken: string[]; onChange: (s: QualitySection | null) => void }) {
  const { t } = useTranslation();
  const setCriterion = (i: number, c: QualityCriterion | null) =>
    onChange({ ...section, criteria: c ? section.criteria.map((x, j) => (j === i ? c : x)) : section.criteria.filter((_, j) => j !== i) });
  return (
    <section className="q-section" aria-label={t('quality.scorecards.section', { n: index + 1 })}>
      <div className="q-row">
        <label className="filter filter-grow"><span>{t('quality.scorecards.sectionTitle', { n: index + 1 })}</span>
          <input name={`section-${index}-title`} value={section.title} onChange={(e) => onChange({ ...section, title: e.target.value })} />
        </label>
        <label className="filter q-num"><span>{t('quality.scorecards.weight')}</span>
          <input name={`section-${index}-weight`} type="number" min={0} step="any" value={section.weight} onChange={(e) => onChange({ ...section, weight: Number(e.target.value) })} />
        </label>
        <Button size="sm" variant="ghost" onClick={() => onChange(null)}>{t('quality.scorecards.removeSection')}</Button>
      </div>
      <table className="table q-criteria">
        <thead>
          <tr>
            <th>{t('quality.scorecards.criterion')}</th><th>{t('quality.scorecards.weight')}</th><th>{t('quality.scorecards.scale')}</th>
            <th>{t('quality.na')}</th><th>{t('quality.scorecards.class')}</th><th>{t('quality.scorecards.failEffect')}</th><th />
          </tr>
        </thead>
        <tbody>
          {section.criteria.map((c, i) => {
            const name = `criterion-${index}-${i}`;
            return (
              <tr key={c.id}>
                <td><input aria-label={t('quality.scorecards.criterion')} name={`${name}-title`} value={c.title} onChange={(e) => setCriterion(i, { ...c, title: e.target.value })} /></td>
                <td className="q-num"><input aria-label={t('quality.scorecards.weight')} name={`${name}-weight`} type="number" min={0} step="any" value={c.weight} onChange={(e) => setCriterion(i, { ...c, weight: Number(e.target.value) })} /></td>
                <td>
                  <select aria-label={t('quality.scorecards.scale')} name={`${name}-scale`} value={c.scale.kind} onChange={(e) => {
                    const kind = e.target.value as (typeof SCALES)[number];
                    const { failAtOrBelow: _drop, ...rest } = c;
                    setCriterion(i, { ...rest, scale: kind === 'custom' ? { kind, options: [{ value: 0, label: t('quality.no') }, { value: 1, label: t('quality.yes') }] } : { kind } });
                  }}>
                    {SCALES.map((k) => <option key={k} value={k}>{t(`quality.scale.${k}`)}</option>)}
                  </select>
                  {c.scale.kind === 'custom' ? (
                    <input aria-label={t('quality.scorecards.options')} name={`${name}-options`} placeholder="0:нет; 2:частично; 5:да" defaultValue={optionsText(c.scale)}
                      onBlur={(e) => setCriterion(i, { ...c, scale: parseOptions(e.target.value) })} />
                  ) : null}
                </td>
                <td><input type="checkbox" aria-label={t('quality.scorecards.allowNa')} name={`${name}-na`} checked={c.allowNa} onChange={(e) => setCriterion(i, { ...c, allowNa: e.target.checked })} /></td>
                <td>
                  <select aria-label={t('quality.scorecards.class')} name={`${name}-class`} value={c.errorClass} onChange={(e) => setCriterion(i, { ...c, errorClass: e.target.value as QualityCriterion['errorClass'] })}>
                    {QUALITY_ERROR_CLASSES.map((k) => <option key={k} value={k}>{t(`quality.errorClass.${k}`)}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={t('quality.scorecards.failEffect')} name={`${name}-fail`} value={c.fail} onChange={(e) => setCriterion(i, { ...c, fail: e.target.value as QualityCriterion['fail'] })}>
                    {QUALITY_FAIL_EFFECTS.map((k) => <option key={k} value={k}>{t(`quality.fail.${k}`)}</option>)}
                  </select>
                </td>
                <td><Button size="sm" variant="ghost" onClick={() => setCriterion(i, null)} aria-label={t('quality.scorecards.removeCriterion')}>×</Button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button size="sm" onClick={() => onChange({ ...section, criteria: [...section.criteria, newCriterion(taken)] })}>{t('quality.scorecards.addCriterion')}</Button>
    </section>
  );
}
