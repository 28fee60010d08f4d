/**
 * CSV for Excel as Russian offices open it: `;` between fields (Excel in the ru-RU locale
 * uses the list separator `;`, because `,` is the decimal separator), CRLF line ends, and a
 * UTF-8 byte-order mark so Cyrillic is not read as cp1251. Fields with `;`, quotes or line
 * breaks are quoted, quotes doubled (RFC 4180).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(CSV_SEPARATOR)}\r\n`;
}

function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell starting with = + - @ is a formula to Excel: an exported note must not run as one.
  if (/^[=+\-@]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
