import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';

/** RU | EN toggle; the choice is stored in localStorage so it outlives the session. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className={i18n.language === lang ? 'is-active' : undefined}
          aria-pressed={i18n.language === lang}
          onClick={() => setLanguage(lang)}
          lang={lang}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
