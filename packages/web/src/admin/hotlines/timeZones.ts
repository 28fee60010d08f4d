/** The hotline's own zone drives its working hours; most hotlines here run on Moscow time. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

// Used only if the browser lacks Intl.supportedValuesOf: the Russian zones plus a few common ones.
const FALLBACK = [
  'Europe/Kaliningrad', 'Europe/Moscow', 'Europe/Samara', 'Asia/Yekaterinburg', 'Asia/Omsk', 'Asia/Novosibirsk',
  'Asia/Krasnoyarsk', 'Asia/Irkutsk', 'Asia/Yakutsk', 'Asia/Vladivostok', 'Asia/Magadan', 'Asia/Kamchatka',
  'Europe/Minsk', 'Asia/Almaty', 'Asia/Tashkent', 'Europe/Berlin', 'Europe/London', 'UTC',
];

let cached: string[] | null = null;

export function timeZones(): string[] {
  if (cached) return cached;
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([...(zones.length ? zones : FALLBACK), DEFAULT_TIME_ZONE, 'UTC']);
  cached = [...all].sort();
  return cached;
}
