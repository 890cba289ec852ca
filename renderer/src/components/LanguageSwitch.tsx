import { useTranslation } from 'react-i18next';
import { type Language, languageSchema } from '../../../shared/config/branch.ts';
import { useKiosk } from '../kiosk-context.tsx';

const LANGUAGES = languageSchema.options;

export function LanguageSwitch({ current }: { current: Language }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="chip"
          aria-pressed={lang === current}
          onClick={() => send({ type: 'ui.language', language: lang })}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </nav>
  );
}
