import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { formatDate, sessionData } from './session-data.ts';

/** The patron's loans with due dates; renew one or all. */
export function LoansScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const loans = sessionData(view).loans ?? [];
  return (
    <main className="screen loans">
      <h1>{t('screen.loans')}</h1>
      {loans.length === 0 && <p className="hint">{t('loans.none')}</p>}
      <ul className="item-lines">
        {loans.map((loan) => (
          <li key={loan.itemId} className={`item-line ${loan.overdue ? 'item-refused' : ''}`} data-item={loan.itemId}>
            <span className="item-symbol" aria-hidden="true">
              {loan.overdue ? '⚠' : '•'}
            </span>
            <div className="item-text">
              <strong>{loan.title ?? loan.itemId}</strong>
              <span className="item-status">
                {loan.overdue ? t('loans.overdue') + ' · ' : ''}
                {t('item.dueDate', { date: formatDate(loan.dueDate, view.language) })}
              </span>
              {loan.renewal && <span className="item-status">{t(`loans.renewal.${loan.renewal}`, { defaultValue: loan.renewal })}</span>}
            </div>
            <button type="button" className="secondary" onClick={() => send({ type: 'loan.renew', itemId: loan.itemId })}>
              {t('loans.renew')}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => send({ type: 'ui.back' })}>
          {t('common.back')}
        </button>
        <button type="button" className="secondary" onClick={() => send({ type: 'session.end' })}>
          {t('common.finish')}
        </button>
        {loans.length > 1 && (
          <button type="button" className="primary" onClick={() => send({ type: 'loan.renewAll' })}>
            {t('loans.renewAll')}
          </button>
        )}
      </div>
    </main>
  );
}
