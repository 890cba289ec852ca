import { useTranslation } from 'react-i18next';
import type { RequestError } from './useRequest.ts';

/** A failed request in the technician's language, with main's own words kept as a technical detail. */
export function ErrorNotice({ error }: { error: RequestError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="tech-error" role="alert">
      <p>{t(`technician.error.${error.code}`, { defaultValue: t('technician.error.generic', { code: error.code }) })}</p>
      {error.message && (
        <details>
          <summary>{t('technician.detail')}</summary>
          <code>{error.message}</code>
        </details>
      )}
    </div>
  );
}
