import i18n from '../i18n/index.ts';

/** Dates shown in the user's language; the server sends ISO timestamps in UTC. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "23.11 15:49" (this year) or "23.11.2025 15:49": dense lists such as the contact journal. */
export function formatShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  const thisYear = d.getFullYear() === new Date().getFullYear();
  const day = d.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', ...(thisYear ? {} : { year: 'numeric' }) });
  return `${day} ${d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}`;
}
