import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorEvent, DoorView } from '../../../shared/contract/door-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { ConnectedBridge } from '../bridge/connect.ts';
import type { StartProblem } from '../bridge/start-problem.ts';
import { ActionBar } from '../components/ActionBar.tsx';
import { CardNumberEntry } from '../components/CardNumberEntry.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { applyLanguage } from '../i18n.ts';
import { StartScreen } from '../screens/StartScreen.tsx';
import { useSpokenOnce } from '../sound/useSpokenOnce.ts';
import { DoorHours } from './DoorHours.tsx';
import { DoorNotices } from './DoorNotices.tsx';
import { DoorPin } from './DoorPin.tsx';

/** After this long without a touch, the door screen forgets the last attempt and its language. */
const FORGET_MS = 60_000;

type Refusal = { readonly reason?: string | undefined; readonly retryAt?: string | undefined };

/**
 * /door: the entrance terminal of an unstaffed branch. Card (from the
 * reader or typed on the screen's keypad), PIN, answer. The language is
 * the person's at the door, chosen here, and back to the branch's when
 * the attempt is over. A refusal stays on the screen, with when the branch
 * opens and how to reach it, until the patron is done with it.
 */
export function DoorTerminal({ bridge }: { bridge: ConnectedBridge }) {
  const { t } = useTranslation();
  const [view, setView] = useState<DoorView>();
  const [kiosk, setKiosk] = useState<KioskView>();
  const [chosen, setChosen] = useState<Language>();
  const [typingCard, setTypingCard] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const touched = useRef(Date.now());
  const [startProblem, setStartProblem] = useState<StartProblem>();
  useEffect(() => bridge.onStartProblem?.(setStartProblem), [bridge]);

  useEffect(
    () =>
      bridge.onMessage((m) => {
        if (m.type === 'door') setView(m.view);
        if (m.type === 'view') setKiosk(m.view);
      }),
    [bridge],
  );
  const language = chosen ?? kiosk?.branch.language ?? 'sv';
  useEffect(() => applyLanguage(language), [language]);

  const forget = useCallback(() => {
    setChosen(undefined);
    setTypingCard(false);
    setRefusal(undefined);
  }, []);
  // A refusal is kept past the machine's return to idle (the door is ready for the next card meanwhile); a new card replaces it.
  const step = view?.step;
  const reason = view?.reason;
  const retryAt = view?.retryAt;
  useEffect(() => {
    if (step === 'denied') setRefusal({ reason, retryAt });
    else if (step !== 'idle') setRefusal(undefined);
    if (step !== 'idle') setTypingCard(false);
  }, [step, reason, retryAt]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (step === 'idle' && Date.now() - touched.current > FORGET_MS) forget();
    }, 5000);
    return () => clearInterval(timer);
  }, [step, forget]);

  const send = (event: DoorEvent) => bridge.send({ type: 'door', event });
  const speak = view?.speak ?? false;
  useSpokenOnce(speak, view?.announcement && `${view.announcement.minutes}`, 'door.closingIn', {
    minutes: view?.announcement?.minutes ?? 0,
  });
  useSpokenOnce(speak, view?.step === 'denied' ? (view.reason ?? 'error') : undefined, `door.reason.${view?.reason ?? 'error'}`);

  if (!view) return <StartScreen problem={startProblem} />;
  return (
    <div
      className={`door-terminal door-${view.step}`}
      data-step={view.step}
      onPointerDown={() => {
        touched.current = Date.now();
      }}
    >
      <header className="top-bar">
        <span className="brand">{t('door.title')}</span>
        <span data-testid="door-mode">{t(`door.mode.${view.mode}`)}</span>
        <LanguageSwitch current={language} onChoose={setChosen} />
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
        {view.step === 'alarm' ? (
          <div role="alert" className="door-denied">
            <h1>{t(`door.alarm.${view.alarm ?? 'held-open'}`)}</h1>
          </div>
        ) : view.step === 'out-of-order' ? (
          <div role="alert" className="door-denied" data-testid="door-out-of-order">
            <h1>{t('door.outOfOrder')}</h1>
            <p>{t('door.outOfOrderHint')}</p>
            <DoorHours view={view} branch={kiosk?.branch} language={language} />
          </div>
        ) : refusal && (view.step === 'idle' || view.step === 'denied') ? (
          <div role="alert" className="door-denied" data-testid="door-denied">
            <h1>
              <span aria-hidden="true">✗ </span>
              {t('door.denied')}
            </h1>
            <p data-testid="door-reason">
              {t(`door.reason.${refusal.reason ?? 'error'}`, { defaultValue: t('door.reason.error'), time: refusal.retryAt ?? '' })}
            </p>
            <DoorHours view={view} branch={kiosk?.branch} language={language} />
            <ActionBar actions={[{ label: t('door.ok'), primary: true, onClick: forget }]} />
          </div>
        ) : view.step === 'granted' ? (
          <h1 aria-live="polite" className="door-granted">
            <span aria-hidden="true">✓ </span>
            {t('door.granted')}
          </h1>
        ) : view.step === 'pin' ? (
          <DoorPin view={view} send={send} sounds={speak} />
        ) : view.step === 'checking' ? (
          <h1 aria-live="polite">{t('door.checking')}</h1>
        ) : typingCard ? (
          <>
            <h1>{t('door.cardTitle')}</h1>
            <CardNumberEntry onCard={(number) => send({ type: 'door.card', number })} onCancel={() => setTypingCard(false)} />
          </>
        ) : view.mode === 'closed' ? (
          <>
            <h1>{t('door.closedTitle')}</h1>
            <DoorHours view={view} branch={kiosk?.branch} language={language} />
            <p className="hint small">{t('door.closedHint')}</p>
            <button type="button" className="secondary" onClick={() => setTypingCard(true)}>
              {t('door.typeCard')}
            </button>
          </>
        ) : (
          <>
            <h1>{t('door.presentCard')}</h1>
            <p className="hint">{t('door.hint')}</p>
            <button type="button" className="secondary" onClick={() => setTypingCard(true)}>
              {t('door.typeCard')}
            </button>
          </>
        )}
      </main>
    </div>
  );
}
