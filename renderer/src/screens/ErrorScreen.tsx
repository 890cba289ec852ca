import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

export function ErrorScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const { error, retryAt } = sessionData(view);
  return (
    <main className="screen error" role="alert">
      <h1>{t('screen.error')}</h1>
      <p className="hint">{error ? t(`reason.${error}`, { defaultValue: t('error.generic'), time: retryAt ?? '' }) : t('error.generic')}</p>
      <button type="button" className="primary" onClick={() => send({ type: 'ui.cancel' })}>
        {t('common.finish')}
      </button>
    </main>
  );
}
