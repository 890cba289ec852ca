import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { PrinterIcon } from '../components/icons.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/**
 * The end of a session: a receipt (print, e-mail where the library system
 * can send it, or none) for loans or for returns made without a card,
 * then a closing screen that says it is over and how it went.
 */
export function ReceiptScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const kind = data.receiptKind ?? 'checkout';
  const options = data.receiptOptions ?? ['print', 'none'];
  const count = (data.items ?? []).filter((l) => l.status === 'done').length;
  if (data.receiptDone) {
    return (
      <main className="screen receipt finished">
        <h1>
          <span aria-hidden="true">✓ </span>
          {t(`receipt.finished.${kind}`, { count })}
        </h1>
        {data.receiptDone !== 'skipped' && (
          <p className="hint" role="status">
            {t(`receipt.done.${data.receiptDone}`, { context: kind })}
          </p>
        )}
        <p className="hint">{t('receipt.bye')}</p>
        {view.idleSecondsLeft !== undefined && (
          <p className="hint" data-testid="finished-countdown">
            {t('idle.finished.countdown', { seconds: view.idleSecondsLeft })}
          </p>
        )}
        <ActionBar
          actions={[
            { label: t('idle.finished.stay'), onClick: () => send({ type: 'ui.touch' }) },
            { label: t('common.done'), primary: true, onClick: () => send({ type: 'session.end' }) },
          ]}
        />
      </main>
    );
  }
  const sending = data.receiptSending === true;
  return (
    <main className="screen receipt">
      <h1>{t(`receipt.question.${kind}`)}</h1>
      {data.receiptEmailFailed && (
        <p className="hint" role="alert" data-testid="receipt-email-failed">
          {t('receipt.emailFailed')} {options.includes('print') && t('receipt.emailFailedPrint')}
        </p>
      )}
      {sending && (
        <p className="hint" role="status" data-testid="receipt-sending">
          {t('receipt.emailSending')}
        </p>
      )}
      <div className="menu-grid">
        {options.includes('print') && (
          <button type="button" className="menu-button" disabled={sending} onClick={() => send({ type: 'receipt.print' })}>
            <PrinterIcon /> {t('receipt.print')}
          </button>
        )}
        {options.includes('email') && (
          <button type="button" className="menu-button" disabled={sending} onClick={() => send({ type: 'receipt.email' })}>
            <span aria-hidden="true">✉</span> {t('receipt.email')}
            {data.receiptEmail && <span className="menu-button-detail">{t('receipt.emailTo', { address: data.receiptEmail })}</span>}
          </button>
        )}
        <button type="button" className="menu-button" disabled={sending} onClick={() => send({ type: 'receipt.skip' })}>
          <span aria-hidden="true">✗</span> {t('receipt.none')}
        </button>
      </div>
    </main>
  );
}
