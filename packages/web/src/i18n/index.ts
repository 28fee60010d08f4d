import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

type Messages = Record<string, unknown>;

/**
 * Each screen folder may keep its own texts next to it in `<folder>/locales/{ru,en}.json` (any depth)
 * (top-level key = the area's namespace, e.g. `{ "quality": { … } }`), so that work on one area
 * never edits the same file as work on another. They are merged over the shared files here.
 */
const areaFiles = import.meta.glob<Messages>('../**/locales/*.json', { eager: true, import: 'default' });

function withAreaTexts(base: Messages, lang: string): Messages {
  const merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(areaFiles)) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`i18n: ${path} redefines the namespace "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the chosen language survives reloads and logouts. */
export const LANGUAGE_STORAGE_KEY = 'linia.lang';

function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

/** A saved choice wins; otherwise follow the browser: any Russian locale → ru, anything else → en. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, policies); the browser language still works.
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language : '';
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not persisted, but the switch still applies for this page.
  }
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: withAreaTexts(ru, 'ru') }, en: { translation: withAreaTexts(en, 'en') } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
