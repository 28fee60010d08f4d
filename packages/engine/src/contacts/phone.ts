/**
 * Phone numbers to E.164 (`+79123456789`), so one customer is found however the number was
 * written: `8 (912) 345-67-89`, `+7 912 345 67 89`, `79123456789`, `9123456789`.
 * Russian conventions are the default because that is where Linia's centers work: a leading
 * trunk prefix 8 means +7, and a bare ten-digit number is a Russian national number.
 * Other countries must be written with `+` (or the international prefix `00`/`810`).
 * Returns null for anything that cannot be a phone number, rather than guessing.
 */
export function normalisePhone(raw: string): string | null {
  const text = raw.trim();
  if (!/^[+\d\s().\-–]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  const plus = text.startsWith('+');
  if (!plus) {
    // International dialling prefixes: 00 (most of the world) and 810 (the old Russian one).
    if (digits.startsWith('00')) return e164(digits.slice(2));
    if (digits.startsWith('810') && digits.length > 12) return e164(digits.slice(3));
    if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) digits = `7${digits.slice(1)}`;
    else if (digits.length === 10) digits = `7${digits}`;
    else return null;
  }
  return e164(digits);
}

/** E.164 allows at most 15 digits and no leading zero in the country code. */
function e164(digits: string): string | null {
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return null;
  // A Russian number (+7) always has ten digits after the country code.
  if (digits.startsWith('7') && digits.length !== 11) return null;
  return `+${digits}`;
}

/** E-mail addresses compare case-insensitively in practice; keep one spelling. */
export function normaliseEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}
