import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk-context.tsx';

/**
 * The countdown before an idle session ends, warned with a sound and on
 * screen: the patron can have more time, or log out at once.
 */
export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.session.title')}</h2>
        <p id="idle-text" data-testid="idle-countdown">
          {t('idle.session.countdown', { seconds: secondsLeft })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => send({ type: 'ui.touch' })}>
            {t('idle.session.stay')}
          </button>
          <button type="button" className="secondary" onClick={() => send({ type: 'session.end' })}>
            {t('idle.session.end')}
          </button>
        </div>
      </div>
    </div>
  );
}
