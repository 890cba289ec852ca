import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../shared/contract/view.ts';
import { DisplayControls } from './components/DisplayControls.tsx';
import { IdleWarning } from './components/IdleWarning.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { DiscoverScreen } from './discover/DiscoverScreen.tsx';
import { applyDisplay, defaultPrefs } from './display.ts';
import { applyLanguage } from './i18n.ts';
import { useWedgeCapture } from './input/useWedgeCapture.ts';
import { useKiosk } from './kiosk-context.tsx';
import { AttractScreen } from './screens/AttractScreen.tsx';
import { ErrorScreen } from './screens/ErrorScreen.tsx';
import { HoldsScreen } from './screens/HoldsScreen.tsx';
import { IdentifyScreen } from './screens/IdentifyScreen.tsx';
import { ItemsScreen } from './screens/ItemsScreen.tsx';
import { LoansScreen } from './screens/LoansScreen.tsx';
import { MenuScreen } from './screens/MenuScreen.tsx';
import { PinScreen } from './screens/PinScreen.tsx';
import { PlaceholderScreen } from './screens/PlaceholderScreen.tsx';
import { ReceiptScreen } from './screens/ReceiptScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { useSoundCues } from './sound/useSoundCues.ts';
import { useSpokenOnce } from './sound/useSpokenOnce.ts';
import { useAccessibleKiosk } from './speech/useAccessibleKiosk.ts';

function ScreenFor({ view }: { view: KioskView }) {
  switch (view.screen) {
    case 'attract':
      return <AttractScreen view={view} />;
    case 'identify':
      return <IdentifyScreen />;
    case 'pin':
      return <PinScreen view={view} />;
    case 'menu':
      return <MenuScreen view={view} />;
    case 'checkout':
    case 'return':
      return <ItemsScreen view={view} kind={view.screen} />;
    case 'loans':
      return <LoansScreen view={view} />;
    case 'holds':
      return <HoldsScreen view={view} />;
    case 'receipt':
      return <ReceiptScreen view={view} />;
    case 'error':
      return <ErrorScreen view={view} />;
    case 'discover':
      return <DiscoverScreen view={view} />;
    default:
      return <PlaceholderScreen screen={view.screen} />;
  }
}

/** Draws the view main sends; every touch tells main the patron is still there. */
export function App() {
  const { view, connected, startProblem, send } = useKiosk();
  const { t } = useTranslation();

  const onWedgeCard = useCallback((number: string) => send({ type: 'card.entered', number, source: 'keyboard-wedge' }), [send]);
  useWedgeCapture(onWedgeCard);
  useSoundCues(view);
  const minutes = view?.announcement?.minutes ?? 0;
  // With speech on, the announcement is read with the rest of the screen.
  useSpokenOnce((view?.sounds ?? false) && !view?.prefs?.speech, view?.announcement && String(view.announcement.id), 'door.closingIn', {
    minutes,
  });

  const language = view?.language;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  const prefs = view?.prefs ?? defaultPrefs;
  useEffect(() => applyDisplay(prefs), [prefs]);
  const root = useRef<HTMLDivElement>(null);
  useAccessibleKiosk(root, view, send);

  if (!view) return <StartScreen problem={startProblem} />;
  return (
    <div
      ref={root}
      className="kiosk"
      data-screen={view.screen}
      // A touch is activity, but not one on the idle dialog: its own buttons say what the patron wants, and a touch
      // sent first would close it under "Logga ut nu" before the click lands.
      onPointerDown={(e) => {
        if (view.screen !== 'attract' && !(e.target as Element).closest('[role="alertdialog"]')) send({ type: 'ui.touch' });
      }}
    >
      <header className="top-bar">
        <span className="brand">{view.branch.name}</span>
        <LanguageSwitch current={view.language} onChoose={(language) => send({ type: 'ui.language', language })} />
        <DisplayControls prefs={prefs} />
      </header>
      {view.notice && (
        <div className="notice" role="status" data-notice={view.notice.key}>
          <span aria-hidden="true">⚠ </span>
          {t(view.notice.key, view.notice.values ?? {})}
        </div>
      )}
      {view.announcement && (
        <div className="notice notice-closing" role="alert">
          {t('door.closingIn', { minutes: view.announcement.minutes })}
        </div>
      )}
      <ScreenFor view={view} />
      {!connected && (
        <div className="overlay" role="alert">
          <div className="dialog">{t('app.disconnected')}</div>
        </div>
      )}
      {view.idleSecondsLeft !== undefined && view.data.finished !== true && <IdleWarning secondsLeft={view.idleSecondsLeft} />}
    </div>
  );
}
