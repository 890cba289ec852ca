import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages.ts';

/** One button per language, each named in its own language (and marked with it, so it is read in the right voice). */
export function LanguageSwitch({ current, onChoose }: { current: Language; onChoose: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} className="chip" aria-pressed={lang === current} onClick={() => onChoose(lang)}>
          {t(`language.${lang}`)}
        </button>
      ))}
    </nav>
  );
}
