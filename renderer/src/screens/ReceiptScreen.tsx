import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** Receipt: print, e-mail (where the library system supports it) or none. */
export function ReceiptScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const options = data.receiptOptions ?? ['print', 'none'];
  if (data.receiptDone) {
    return (
      <main className="screen receipt">
        <h1 aria-live="polite">{t(`receipt.done.${data.receiptDone}`)}</h1>
        <p className="hint">{t('receipt.bye')}</p>
        <button type="button" className="primary" onClick={() => send({ type: 'session.end' })}>
          {t('common.finish')}
        </button>
      </main>
    );
  }
  return (
    <main className="screen receipt">
      <h1>{t('receipt.question')}</h1>
      <div className="menu-grid">
        {options.includes('print') && (
          <button type="button" className="menu-button" onClick={() => send({ type: 'receipt.print' })}>
            <span aria-hidden="true">🖶</span> {t('receipt.print')}
          </button>
        )}
        {options.includes('email') && (
          <button type="button" className="menu-button" onClick={() => send({ type: 'receipt.email' })}>
            <span aria-hidden="true">✉</span> {t('receipt.email')}
          </button>
        )}
        <button type="button" className="menu-button" onClick={() => send({ type: 'receipt.skip' })}>
          <span aria-hidden="true">✗</span> {t('receipt.none')}
        </button>
      </div>
    </main>
  );
}
