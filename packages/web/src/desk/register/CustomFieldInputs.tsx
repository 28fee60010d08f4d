import { useTranslation } from 'react-i18next';
import type { CustomFieldDef, CustomFieldValue } from '../types.ts';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';

interface Props {
  defs: CustomFieldDef[];
  values: Record<string, CustomFieldValue>;
  errors: Record<string, string>;
  onChange: (values: Record<string, CustomFieldValue>) => void;
}

/** The hotline's own fields, one input each by type; server errors arrive as `customFields.<key>`. */
export function CustomFieldInputs({ defs, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (key: string, v: CustomFieldValue | undefined) => {
    const next = { ...values };
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <>
      {defs.map((d) => {
        const label = d.required ? `${d.label} *` : d.label;
        const error = errors[`customFields.${d.key}`];
        const name = `cf-${d.key}`;
        const value = values[d.key];
        if (d.type === 'select') {
          return (
            <SelectField key={d.key} name={name} label={label} error={error} value={typeof value === 'string' ? value : ''}
              options={[{ value: '', label: t('common.choose') }, ...(d.options ?? []).map((o) => ({ value: o, label: o }))]}
              onChange={(v) => set(d.key, v)} />
          );
        }
        if (d.type === 'multiselect') {
          const list = Array.isArray(value) ? value : [];
          return (
            <fieldset key={d.key} className={`fieldset${error ? ' has-error' : ''}`}>
              <legend>{label}</legend>
              <div className="checkbox-row">
                {(d.options ?? []).map((o) => (
                  <Checkbox key={o} name={`${name}-${o}`} label={o} checked={list.includes(o)}
                    onChange={(on) => set(d.key, on ? [...list, o] : list.filter((x) => x !== o))} />
                ))}
              </div>
              {error ? <div className="field-error">{error}</div> : null}
            </fieldset>
          );
        }
        const type = d.type === 'date' ? 'date' : d.type === 'email' ? 'email' : d.type === 'phone' ? 'tel' : 'text';
        return (
          <TextField key={d.key} name={name} label={label} error={error} type={type}
            inputMode={d.type === 'number' ? 'decimal' : undefined}
            value={value === undefined ? '' : String(value)}
            onChange={(v) => set(d.key, v)} />
        );
      })}
    </>
  );
}
