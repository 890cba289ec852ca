import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** The patron's menu: borrow, return, loans, reservations; blocks said plainly. */
export function MenuScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const ready = data.holdsReady?.length ?? 0;
  return (
    <main className="screen menu">
      <h1>{data.patronName ? t('menu.hello', { name: data.patronName }) : t('screen.menu')}</h1>
      {data.blockReasons && data.blockReasons.length > 0 && (
        <div className="block-box" role="alert">
          <p>{t('menu.blocked')}</p>
          <ul>
            {data.blockReasons.map((r) => (
              <li key={r}>{t(`reason.${r}`, { defaultValue: r })}</li>
            ))}
          </ul>
        </div>
      )}
      {ready > 0 && (
        <p className="good-news" role="status">
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
          <span aria-hidden="true">☰</span> {t('screen.loans')}
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
      <button type="button" className="secondary" onClick={() => send({ type: 'session.end' })}>
        {t('common.finish')}
      </button>
    </main>
  );
}
