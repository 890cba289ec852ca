import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** The start screen: one huge target, the branch's name, and what the kiosk can do. */
export function AttractScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  return (
    <main className="screen attract">
      <h1>{t('attract.welcome', { branch: view.branch.name })}</h1>
      <button type="button" className="start-button" onClick={() => send({ type: 'ui.start' })}>
        <span aria-hidden="true" className="start-icon">
          ☞
        </span>
        {t('attract.start')}
      </button>
      {sessionData(view).discover && (
        <button type="button" className="secondary discover-start" onClick={() => send({ type: 'discover.start' })}>
          {t('discover.start')}
        </button>
      )}
      <p className="hint">{t('attract.hint')}</p>
      <p className="hint">{t('attract.returnHint')}</p>
    </main>
  );
}
