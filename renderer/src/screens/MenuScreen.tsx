import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { ContactLine } from '../components/ContactLine.tsx';
import { useKiosk } from '../kiosk-context.tsx';
import { formatDate, sessionData } from './session-data.ts';

/**
 * The patron's menu. What needs doing comes first, in words: a block and
 * whom to contact, loans that should have been returned (with their
 * titles), reservations waiting here. Then borrow, return, loans,
 * reservations.
 */
export function MenuScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const ready = data.holdsReady?.length ?? 0;
  const overdue = (data.loans ?? []).filter((l) => l.overdue);
  const blocks = data.blockReasons ?? [];
  return (
    <main className="screen menu">
      <h1>{data.patronName ? t('menu.hello', { name: data.patronName }) : t('screen.menu')}</h1>
      {blocks.length > 0 && (
        <div className="block-box" role="alert" data-testid="blocked">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{t('menu.blocked')}</strong>
          </p>
          <ul>
            {blocks.map((r) => (
              <li key={r}>{t(`reason.${r}`, { defaultValue: t('reason.other') })}</li>
            ))}
          </ul>
          <p>{t('menu.contactLibrary')}</p>
          <ContactLine contact={view.branch.contact} />
        </div>
      )}
      {overdue.length > 0 && (
        <div className="block-box overdue-box" role="alert" data-testid="overdue">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{t('menu.overdue', { count: overdue.length })}</strong>
          </p>
          <ul>
            {overdue.map((l) => (
              <li key={l.itemId}>{t('menu.overdueItem', { title: l.title ?? l.itemId, date: formatDate(l.dueDate, view.language) })}</li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => send({ type: 'menu.loans' })}>
            {t('menu.overdueAction')}
          </button>
        </div>
      )}
      {ready > 0 && (
        <p className="good-news" role="status">
          <span aria-hidden="true">★ </span>
          {t('menu.holdsReady', { count: ready })}
        </p>
      )}
      <div className="menu-grid">
        <button type="button" className="menu-button" disabled={data.mayBorrow === false} onClick={() => send({ type: 'menu.checkout' })}>
          <span aria-hidden="true">⇩</span> {t('screen.checkout')}
        </button>
        <button type="button" className="menu-button" onClick={() => send({ type: 'menu.return' })}>
          <span aria-hidden="true">⇧</span> {t('screen.return')}
        </button>
        <button type="button" className="menu-button" onClick={() => send({ type: 'menu.loans' })}>
          <span aria-hidden="true">☰</span> {t('screen.loans')} {data.loans && <span className="count">({data.loans.length})</span>}
        </button>
        <button type="button" className="menu-button" onClick={() => send({ type: 'menu.holds' })}>
          <span aria-hidden="true">★</span> {t('screen.holds')}
        </button>
        {data.discover && (
          <button type="button" className="menu-button" onClick={() => send({ type: 'discover.start' })}>
            <span aria-hidden="true">♥</span> {t('discover.start')}
          </button>
        )}
      </div>
      <ActionBar actions={[{ label: t('common.finish'), primary: true, onClick: () => send({ type: 'session.end' }) }]} />
    </main>
  );
}
