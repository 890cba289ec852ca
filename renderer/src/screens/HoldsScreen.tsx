import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';
import { useKiosk } from '../kiosk-context.tsx';
import { sessionData } from './session-data.ts';

/** Reservations: ready for pick-up here (take them from the hold shelf), and still on the way. */
export function HoldsScreen({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const { send } = useKiosk();
  const data = sessionData(view);
  const ready = data.holdsReady ?? [];
  const pending = data.holdsPending ?? [];
  return (
    <main className="screen holds">
      <h1>{t('screen.holds')}</h1>
      <h2>{t('holds.ready', { count: ready.length })}</h2>
      {ready.length > 0 && <p className="hint">{t('holds.readyHint')}</p>}
      <ul className="item-lines">
        {ready.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: holds may lack an item id
          <li key={i} className="item-line item-done">
            <span className="item-symbol" aria-hidden="true">
              ★
            </span>
            <div className="item-text">
              <strong>{h.title ?? t('holds.untitled')}</strong>
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('holds.pending', { count: pending.length })}</h2>
      <ul className="item-lines">
        {pending.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: holds may lack an item id
          <li key={i} className="item-line">
            <span className="item-symbol" aria-hidden="true">
              …
            </span>
            <div className="item-text">
              <strong>{h.title ?? t('holds.untitled')}</strong>
              {h.pickupLocation && <span className="item-status">{t('holds.pickupAt', { place: h.pickupLocation })}</span>}
            </div>
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
      </div>
    </main>
  );
}
