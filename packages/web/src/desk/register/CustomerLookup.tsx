import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { normaliseEmail, normalisePhone } from '@linia/engine';
import { api } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import type { Customer } from '../types.ts';

export interface CustomerInput {
  phone: string;
  email: string;
  name: string;
  found: Customer | null;
  /** A lookup ran for the current phone/e-mail (so "new customer" can be said). */
  looked: boolean;
}

export const EMPTY_CUSTOMER: CustomerInput = { phone: '', email: '', name: '', found: null, looked: false };

/**
 * Who the contact is from: type a phone or an e-mail, and the card is found (the same rules
 * as the server: any spelling of a Russian number). No match — a new card will be created.
 */
export function CustomerLookup({ value, onChange, errors }: { value: CustomerInput; onChange: (v: CustomerInput) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const lookup = async () => {
    const phone = value.phone.trim() ? normalisePhone(value.phone) : null;
    const email = value.email.trim() ? normaliseEmail(value.email) : null;
    if (!phone && !email) return;
    setBusy(true);
    try {
      const res = await api.get<{ customer: Customer | null }>('/customers/identify', { phone: phone ?? undefined, email: email ?? undefined });
      onChange({ ...value, found: res.customer, looked: true });
    } finally {
      setBusy(false);
    }
  };
  const phoneBad = value.phone.trim() !== '' && !normalisePhone(value.phone);
  const emailBad = value.email.trim() !== '' && !normaliseEmail(value.email);
  return (
    <fieldset className="fieldset span-2 customer-lookup">
      <legend>{t('desk.register.customer')}</legend>
      <div className="lookup-row">
        <TextField label={t('desk.customer.phone')} name="customerPhone" type="tel" value={value.phone} autoComplete="off"
          error={phoneBad ? t('desk.register.badPhone') : errors['customer.identifiers.0.value']}
          onChange={(v) => onChange({ ...value, phone: v, found: null, looked: false })}
          onBlur={() => void lookup()} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void lookup(); } }} />
        <TextField label={t('desk.customer.email')} name="customerEmail" type="email" value={value.email} autoComplete="off"
          error={emailBad ? t('desk.register.badEmail') : undefined}
          onChange={(v) => onChange({ ...value, email: v, found: null, looked: false })}
          onBlur={() => void lookup()} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void lookup(); } }} />
        <Button onClick={() => void lookup()} busy={busy} className="lookup-btn">{t('desk.register.find')}</Button>
      </div>
      {value.found ? (
        <div className="customer-found" data-testid="customer-found">
          <div>
            <strong>{value.found.name}</strong>
            {value.found.organization ? <span className="muted"> · {value.found.organization}</span> : null}
            <div className="chips">
              {value.found.identifiers.map((i) => <span key={i.kind + i.value} className="chip">{i.value}</span>)}
            </div>
            {value.found.notes ? <p className="small muted">{value.found.notes}</p> : null}
          </div>
          <Link className="btn btn-sm" to={`/desk/customers/${value.found.id}`} target="_blank">{t('desk.register.openCard')}</Link>
        </div>
      ) : (
        <>
          {value.looked ? <p className="small muted">{t('desk.register.newCustomer')}</p> : null}
          <TextField label={t('desk.customer.name')} name="customerName" value={value.name} error={errors['customer.name']}
            onChange={(v) => onChange({ ...value, name: v })} />
        </>
      )}
    </fieldset>
  );
}
