import { describe, expect, it } from 'vitest';
import { checkCustomFields, checkFieldDefs, type CustomFieldDef } from '../src/index.ts';

const defs: CustomFieldDef[] = [
  { key: 'contract_no', label: 'Договор', type: 'text', required: true },
  { key: 'amount', label: 'Сумма', type: 'number', required: false },
  { key: 'visit', label: 'Дата визита', type: 'date', required: false },
  { key: 'tariff', label: 'Тариф', type: 'select', required: false, options: ['Базовый', 'Максимум'] },
  { key: 'services', label: 'Услуги', type: 'multiselect', required: false, options: ['ТВ', 'Интернет'] },
  { key: 'callback', label: 'Телефон', type: 'phone', required: false },
  { key: 'mail', label: 'Почта', type: 'email', required: false },
];

describe('custom fields of a hotline', () => {
  it('accepts and normalises good values', () => {
    const r = checkCustomFields(defs, {
      contract_no: ' Д-17 ', amount: '12,5', visit: '2026-11-20', tariff: 'Максимум', services: ['ТВ', 'ТВ'],
      callback: '8 912 345-67-89', mail: 'A@B.RU',
    }, true);
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({
      contract_no: 'Д-17', amount: 12.5, visit: '2026-11-20', tariff: 'Максимум', services: ['ТВ'], callback: '+79123456789', mail: 'a@b.ru',
    });
  });

  it.each([
    ['1 500,50', 1500.5],
    ['1\u00a0500', 1500],
    ['2\u202f000,5', 2000.5],
    ['-3,25', -3.25],
    ['7', 7],
  ])('reads the number %j written the Russian way as %d', (raw, expected) => {
    expect(checkCustomFields(defs, { amount: raw }, false).values.amount).toBe(expected);
  });

  it('names each bad field', () => {
    const r = checkCustomFields(defs, { amount: 'много', visit: '20.11.2026', tariff: 'Премиум', services: ['Радио'], callback: '12', mail: 'x', colour: 'red' }, false);
    expect(r.issues.map((i) => i.key).sort()).toEqual(['amount', 'callback', 'colour', 'mail', 'services', 'tariff', 'visit']);
  });

  it('asks for required fields only when closing', () => {
    expect(checkCustomFields(defs, {}, false).issues).toEqual([]);
    expect(checkCustomFields(defs, { contract_no: '' }, true).issues).toEqual([{ key: 'contract_no', message: 'Договор: required' }]);
  });

  it('finds problems in the definitions', () => {
    expect(checkFieldDefs([defs[0]!, defs[0]!, { key: 's', label: 'S', type: 'select', required: false }])).toEqual([
      { index: 1, message: 'duplicate key contract_no' },
      { index: 2, message: 'a choice field needs options' },
    ]);
  });
});
