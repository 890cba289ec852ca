import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { ItemTitle } from '../components/ItemLines.tsx';
import { TitleList } from '../components/TitleList.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { formatDate, sessionData } from './session-data.ts';

/** The patron's loans with due dates, overdue ones first and said in words; renew one or all, each result on its line. */
export function LoansScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const loans = [...(data.loans ?? [])].sort((a, b) => Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)));
  const tried = loans.filter((l) => l.renewal);
  const renewed = tried.filter((l) => l.renewal === 'renewed').length;
  const busy = data.renewing === true;
  return (
    <main className="screen loans">
      <h1>{t('screen.loans')}</h1>
      {loans.length === 0 && <p className="hint">{t('loans.none')}</p>}
      <TitleList
        label={t('screen.loans')}
        rows={loans.map((loan) => ({
          key: loan.itemId,
          itemId: loan.itemId,
          symbol: loan.overdue ? '⚠' : '•',
          className: loan.overdue ? 'item-overdue' : '',
          title: <ItemTitle item={loan} />,
          lines: [
            loan.overdue ? <strong key="o">{t('loans.overdue', { date: formatDate(loan.dueDate, view.language) })}</strong> : null,
            !loan.overdue && loan.dueDate ? t('item.dueDate', { date: formatDate(loan.dueDate, view.language) }) : null,
            loan.renewal ? (
              <span key="r" role="status" data-renewal={loan.renewal}>
                {loan.renewal === 'renewed'
                  ? t('loans.renewed', { date: formatDate(loan.renewedDue ?? loan.dueDate, view.language) })
                  : t(`loans.refused.${loan.renewal}`, { defaultValue: t('loans.refused.other') })}
              </span>
            ) : null,
          ].filter(Boolean),
          action: (
            <button type="button" className="secondary" disabled={busy} onClick={() => send({ type: 'loan.renew', itemId: loan.itemId })}>
              {t('loans.renew')}
            </button>
          ),
        }))}
      />
      <p className="hint" role="status" data-testid="renew-summary">
        {busy ? t('loans.renewing') : tried.length > 1 ? t('loans.summary', { done: renewed, total: tried.length }) : ''}
      </p>
      <ActionBar
        actions={[
          { label: t('common.back'), onClick: () => send({ type: 'ui.back' }) },
          ...(loans.length > 1 ? [{ label: t('loans.renewAll'), disabled: busy, onClick: () => send({ type: 'loan.renewAll' }) }] : []),
          { label: t('common.finish'), primary: true, onClick: () => send({ type: 'session.end' }) },
        ]}
      />
    </main>
  );
}
