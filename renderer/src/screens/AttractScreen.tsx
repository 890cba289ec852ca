import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** The start screen: one huge target, the branch's name, what the kiosk can do, and how to turn on speech. */
export function AttractScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const padDown = view.devices.some((d) => d.kind === 'rfid' && d.state !== 'connected');
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
      <p className="hint">{t('attract.borrowHint')}</p>
      <p className="hint">{padDown ? t('attract.padDown') : t('attract.returnHint')}</p>
      <p className="hint small">{t('attract.speechHint')}</p>
    </main>
  );
}
