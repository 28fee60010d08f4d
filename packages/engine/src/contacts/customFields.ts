import { normaliseEmail, normalisePhone } from './phone.ts';

/**
 * Custom fields a hotline adds to its contacts (e.g. contract number, card's last digits).
 * Definitions live with the hotline; values are stored with the contact as `{ key: value }`.
 * The rules are here, pure, so the server and the web form check them the same way.
 */
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'phone', 'email'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDef {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  /** The choices of select and multiselect fields. */
  options?: string[];
}

export type CustomFieldValue = string | number | string[];

export interface CustomFieldIssue {
  /** The field key; the API prefixes it with `body.customFields.`. */
  key: string;
  message: string;
}

export interface CustomFieldCheck {
  /** The values as stored: phones in E.164, e-mails lowercased, unknown keys refused. */
  values: Record<string, CustomFieldValue>;
  issues: CustomFieldIssue[];
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks values against the definitions. `requireAll` is true when the contact is being closed:
 * a call arriving from the ACD has no answers yet, but nothing is closed without the required ones.
 */
export function checkCustomFields(defs: readonly CustomFieldDef[], input: Record<string, unknown>, requireAll: boolean): CustomFieldCheck {
  const values: Record<string, CustomFieldValue> = {};
  const issues: CustomFieldIssue[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const key of Object.keys(input)) if (!byKey.has(key)) issues.push({ key, message: 'unknown field for this hotline' });
  for (const def of defs) {
    const raw = input[def.key];
    if (empty(raw)) {
      if (requireAll && def.required) issues.push({ key: def.key, message: `${def.label}: required` });
      continue;
    }
    const result = checkOne(def, raw);
    if (typeof result === 'object' && result !== null && 'error' in result) issues.push({ key: def.key, message: `${def.label}: ${result.error}` });
    else values[def.key] = result as CustomFieldValue;
  }
  return { values, issues };
}

function checkOne(def: CustomFieldDef, raw: unknown): CustomFieldValue | { error: string } {
  switch (def.type) {
    case 'text':
      return typeof raw === 'string' && raw.length <= 2000 ? raw.trim() : { error: 'expected text up to 2000 characters' };
    case 'number': {
      // Russian writing: "1 500,50" — spaces (also no-break and thin ones) group thousands, comma is the decimal mark.
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : NaN;
      return Number.isFinite(n) ? n : { error: 'expected a number' };
    }
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))
        ? raw
        : { error: 'expected a date YYYY-MM-DD' };
    case 'select':
      return typeof raw === 'string' && (def.options ?? []).includes(raw) ? raw : { error: `expected one of: ${(def.options ?? []).join(', ')}` };
    case 'multiselect':
      return Array.isArray(raw) && raw.every((v) => typeof v === 'string' && (def.options ?? []).includes(v))
        ? [...new Set(raw as string[])]
        : { error: `expected a list of: ${(def.options ?? []).join(', ')}` };
    case 'phone': {
      const phone = typeof raw === 'string' ? normalisePhone(raw) : null;
      return phone ?? { error: 'expected a phone number' };
    }
    case 'email': {
      const email = typeof raw === 'string' ? normaliseEmail(raw) : null;
      return email ?? { error: 'expected an e-mail address' };
    }
  }
}

/** Problems in the definitions themselves (duplicate keys, a select with no options). */
export function checkFieldDefs(defs: readonly CustomFieldDef[]): { index: number; message: string }[] {
  const seen = new Set<string>();
  const out: { index: number; message: string }[] = [];
  defs.forEach((d, index) => {
    if (seen.has(d.key)) out.push({ index, message: `duplicate key ${d.key}` });
    seen.add(d.key);
    if ((d.type === 'select' || d.type === 'multiselect') && !(d.options && d.options.length > 0)) out.push({ index, message: 'a choice field needs options' });
  });
  return out;
}
