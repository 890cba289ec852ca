import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context.tsx';

/** The visible countdown before the idle timeout ends a session. */
export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text" aria-live="assertive">
          {t('idle.countdown', { seconds: secondsLeft })}
        </p>
        <button type="button" className="primary" onClick={() => send({ type: 'ui.touch' })}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
