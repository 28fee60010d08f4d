/** Prices are kept in kopecks; people type and read rubles the Russian way ("1 500,50"). */
export function parseRubles(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const formatRubles = (kopecks: number, lang: string) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 }).format(kopecks / 100);
