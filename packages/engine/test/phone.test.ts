import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from '../src/index.ts';

describe('phone numbers to E.164', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['(912) 345-67-89', '+79123456789'],
    ['8-800-555-35-35', '+78005553535'],
    ['+375 29 123-45-67', '+375291234567'],
    ['00 49 30 1234567', '+49301234567'],
    ['810 49 30 1234567', '+49301234567'],
  ])('%s → %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it.each(['', '12345', 'abc', '+7 912 345 67', '912-345', '+0123456789', '8 912 345 67 89 00', 'тел. 89123456789'])(
    'refuses %j',
    (raw) => expect(normalisePhone(raw)).toBeNull(),
  );

  it('lowercases e-mail and refuses what is not one', () => {
    expect(normaliseEmail('  Ivan.Petrov@Mail.RU ')).toBe('ivan.petrov@mail.ru');
    expect(normaliseEmail('ivan@')).toBeNull();
    expect(normaliseEmail('ivan petrov@mail.ru')).toBeNull();
  });
});
