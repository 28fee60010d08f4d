import type { TFunction } from 'i18next';

/** A reason code as people read it: a standard code's text, the tenant's own name, or the code. */
export function reasonLabel(t: TFunction, code: string | null, names: { code: string; name: string | null }[] = []): string {
  if (code === null) return '';
  const own = names.find((r) => r.code === code)?.name;
  if (own) return own;
  return t(`acd.reason.${code}`, { defaultValue: code });
}

/** "Not ready: lunch", "Ready"… */
export function stateLabel(t: TFunction, state: string, reason: string | null, names: { code: string; name: string | null }[] = []): string {
  const s = t(`acd.state.${state}`, { defaultValue: state });
  return state === 'notReady' && reason ? `${s}: ${reasonLabel(t, reason, names)}` : s;
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}
