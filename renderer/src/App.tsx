import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../shared/contract/view.ts';
import { IdleWarning } from './components/IdleWarning.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { DiscoverScreen } from './discover/DiscoverScreen.tsx';
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
import { useSoundCues } from './sound/useSoundCues.ts';
import { useSpokenOnce } from './sound/useSpokenOnce.ts';

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
  const { view, connected, send } = useKiosk();
  const { t } = useTranslation();

  const onWedgeCard = useCallback((number: string) => send({ type: 'card.entered', number, source: 'keyboard-wedge' }), [send]);
  useWedgeCapture(onWedgeCard);
  useSoundCues(view);
  const minutes = view?.announcement?.minutes ?? 0;
  useSpokenOnce(view?.sounds ?? false, view?.announcement && String(view.announcement.id), 'door.closingIn', { minutes });

  const language = view?.language;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  if (!view) return <main className="screen loading">{t('app.loading')}</main>;
  return (
    <div className="kiosk" data-screen={view.screen} onPointerDown={() => view.screen !== 'attract' && send({ type: 'ui.touch' })}>
      <header className="top-bar">
        <span className="brand">{view.branch.name}</span>
        <LanguageSwitch current={view.language} />
      </header>
      {view.notice && (
        <div className="notice" role="status" data-notice={view.notice.key}>
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
      {view.idleSecondsLeft !== undefined && <IdleWarning secondsLeft={view.idleSecondsLeft} />}
      <StatusBar view={view} />
    </div>
  );
}
