import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, type CustomFieldDef, type CustomFieldType } from '@linia/engine';
import { Button } from '../../ui/Button.tsx';

interface Props {
  fields: CustomFieldDef[];
  onChange: (fields: CustomFieldDef[]) => void;
  errors: Record<string, string>;
}

/**
 * The hotline's own contact fields: key (what the API and CSV call it), label, type, required,
 * and for choice fields the options, one per line. Server errors arrive as `customFields.<i>.<prop>`.
 */
export function CustomFieldsEditor({ fields, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<CustomFieldDef>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <div className="cf-editor">
      {fields.length === 0 ? <p className="small muted">{t('hotlines.noFields')}</p> : null}
      {fields.map((f, i) => {
        const err = Object.entries(errors).filter(([k]) => k.startsWith(`customFields.${i}`)).map(([, v]) => v)[0];
        return (
          <div key={i} className="cf-row">
            <input aria-label={t('hotlines.fieldLabel')} placeholder={t('hotlines.fieldLabel')} value={f.label} onChange={(e) => update(i, { label: e.target.value })} />
            <input aria-label={t('hotlines.fieldKey')} placeholder="contract_no" className="mono" value={f.key} onChange={(e) => update(i, { key: e.target.value.toLowerCase() })} />
            <select aria-label={t('hotlines.fieldType')} value={f.type} onChange={(e) => update(i, { type: e.target.value as CustomFieldType })}>
              {CUSTOM_FIELD_TYPES.map((ty) => <option key={ty} value={ty}>{t(`hotlines.fieldTypes.${ty}`)}</option>)}
            </select>
            <label className="checkbox">
              <input type="checkbox" checked={f.required} onChange={(e) => update(i, { required: e.target.checked })} />
              <span>{t('hotlines.fieldRequired')}</span>
            </label>
            <Button size="sm" variant="ghost" aria-label={t('hotlines.fieldRemove')} onClick={() => onChange(fields.filter((_, j) => j !== i))}>×</Button>
            {f.type === 'select' || f.type === 'multiselect' ? (
              <textarea className="cf-options" rows={2} aria-label={t('hotlines.fieldOptions')} placeholder={t('hotlines.fieldOptions')}
                value={(f.options ?? []).join('\n')} onChange={(e) => update(i, { options: e.target.value.split('\n') })} />
            ) : null}
            {err ? <div className="field-error cf-error">{err}</div> : null}
          </div>
        );
      })}
      <Button size="sm" onClick={() => onChange([...fields, { key: '', label: '', type: 'text', required: false }])}>+ {t('hotlines.addField')}</Button>
    </div>
  );
}
