import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n/languages.ts';

/** The tool's own language (technician screen, simulator panel): independent of the patron's session. */
export function LanguagePicker({ label, value, onChange }: { label: string; value: string; onChange: (language: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="language-picker">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
