import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import type { DoorEvent, DoorView } from '../../../shared/contract/door-view.ts';
import { Keypad } from '../components/Keypad.tsx';
import { useSpokenOnce } from '../sound/useSpokenOnce.ts';
import { DoorNotices } from './DoorNotices.tsx';

/**
 * /door: the entrance terminal of an unstaffed branch. Card, PIN, answer.
 * The PIN is sent digit by digit and only its length comes back.
 */
export function DoorTerminal({ bridge }: { bridge: KioskBridge }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<DoorView>();
  const [card, setCard] = useState('');
  useEffect(
    () =>
      bridge.onMessage((m) => {
        if (m.type === 'door') setView(m.view);
        if (m.type === 'view' && i18n.language !== m.view.language) {
          void i18n.changeLanguage(m.view.language);
          document.documentElement.lang = m.view.language;
        }
      }),
    [bridge, i18n],
  );
  const send = (event: DoorEvent) => bridge.send({ type: 'door', event });
  const speak = view?.speak ?? false;
  useSpokenOnce(speak, view?.announcement && `${view.announcement.minutes}`, 'door.closingIn', {
    minutes: view?.announcement?.minutes ?? 0,
  });
  useSpokenOnce(speak, view?.step === 'denied' ? (view.reason ?? 'error') : undefined, `door.reason.${view?.reason ?? 'error'}`);

  if (!view) return <main className="screen loading">{t('app.loading')}</main>;
  return (
    <div className={`door-terminal door-${view.step}`} data-step={view.step}>
      <header className="top-bar">
        <span className="brand">{t('door.title')}</span>
        <span data-testid="door-mode">{t(`door.mode.${view.mode}`)}</span>
      </header>
      {view.announcement && (
        <div className="notice" role="alert">
          {t('door.closingIn', { minutes: view.announcement.minutes })}
        </div>
      )}
      <DoorNotices view={view} />
      {view.evacuation && (
        <div className="notice notice-evacuation" role="alert" data-testid="door-evacuation">
          {view.evacuation.doorOpen
            ? t('door.evacuation.doorOpen')
            : t('door.evacuation.recent', { count: view.evacuation.recentEntries, minutes: view.evacuation.windowMinutes })}
        </div>
      )}
      <main className="screen">
        {view.step === 'idle' && (
          <>
            <h1>{t('door.presentCard')}</h1>
            <p className="hint">{view.mode === 'closed' ? t('door.closedHint') : t('door.hint')}</p>
            <form
              className="door-card-entry"
              onSubmit={(e) => {
                e.preventDefault();
                if (card) send({ type: 'door.card', number: card });
                setCard('');
              }}
            >
              <label>
                {t('identify.typeNumber')} <input inputMode="numeric" value={card} onChange={(e) => setCard(e.target.value.trim())} />
              </label>
              <button type="submit" className="secondary" disabled={!card}>
                {t('identify.next')}
              </button>
            </form>
          </>
        )}
        {view.step === 'pin' && (
          <>
            <h1>{t('pin.title')}</h1>
            <output className="pin-dots" aria-label={t('technician.pinLength', { count: view.pinLength })}>
              {'●'.repeat(view.pinLength)}
            </output>
            <Keypad
              onDigit={(digit) => send({ type: 'door.digit', digit })}
              onBackspace={() => send({ type: 'door.erase' })}
              onClear={() => send({ type: 'door.cancel' })}
            />
            <button type="button" className="primary" onClick={() => send({ type: 'door.submit' })}>
              {t('pin.ok')}
            </button>
          </>
        )}
        {view.step === 'checking' && <h1 aria-live="polite">{t('door.checking')}</h1>}
        {view.step === 'out-of-order' && (
          <div role="alert" className="door-denied" data-testid="door-out-of-order">
            <h1>{t('door.outOfOrder')}</h1>
            <p>{t('door.outOfOrderHint')}</p>
          </div>
        )}
        {view.step === 'granted' && (
          <h1 aria-live="polite" className="door-granted">
            <span aria-hidden="true">✓ </span>
            {t('door.granted')}
          </h1>
        )}
        {view.step === 'denied' && (
          <div role="alert" className="door-denied">
            <h1>
              <span aria-hidden="true">✗ </span>
              {t('door.denied')}
            </h1>
            <p data-testid="door-reason">
              {t(`door.reason.${view.reason ?? 'error'}`, { defaultValue: t('door.reason.error'), time: view.retryAt ?? '' })}
            </p>
          </div>
        )}
        {view.step === 'alarm' && (
          <div role="alert" className="door-denied">
            <h1>{t(`door.alarm.${view.alarm ?? 'held-open'}`)}</h1>
          </div>
        )}
      </main>
      <footer className="status-bar" role="status">
        <span data-testid="door-lock">{t(`door.lock.${view.lock}`)}</span>
        <span data-testid="door-contact">{t(`door.contact.${view.contact}`)}</span>
        {view.offline && <span>{t('status.offline')}</span>}
      </footer>
    </div>
  );
}
