import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import type { KioskInfo } from '../../../shared/contract/technician.ts';
import { RequestClient } from '../bridge/request-client.ts';
import { LanguagePicker } from '../tools/LanguagePicker.tsx';
import { useToolLanguage } from '../tools/useToolLanguage.ts';
import { useZoom } from '../tools/useZoom.ts';
import { makeFormat } from './format.ts';
import { TechnicianLogin } from './TechnicianLogin.tsx';
import { TECHNICIAN_TABS } from './tabs.ts';
import { TechnicianContext } from './technician-context.tsx';
import { InstallWarnings } from './ui/InstallWarnings.tsx';
import { TabBar } from './ui/TabBar.tsx';
import './technician.css';

/**
 * /technician, behind the technician PIN: for a technician with a tablet
 * or at the kiosk itself. In the technician's own language (the branch's
 * by default), every time in the branch's time zone.
 */
export function TechnicianScreen({ bridge }: { bridge: KioskBridge & { onConnection?: (l: (connected: boolean) => void) => () => void } }) {
  const { t } = useTranslation();
  const client = useMemo(() => new RequestClient(bridge), [bridge]);
  const [info, setInfo] = useState<KioskInfo>();
  const [language, setLanguage] = useToolLanguage('openbranch.technician.language', info?.language);
  useZoom();
  const [loggedIn, setLoggedIn] = useState(false);
  const [tab, setTab] = useState(TECHNICIAN_TABS[0]!.id);
  useEffect(() => {
    const ask = () => void client.call('kiosk.info', {}, 5000).then((reply) => reply.ok && setInfo(reply.value));
    ask();
    // The web socket opens after the first render, and a restarted kiosk forgets the sign-in.
    return bridge.onConnection?.((connected) => {
      if (connected) ask();
      else setLoggedIn(false);
    });
  }, [client, bridge]);
  const format = useMemo(() => info && language && makeFormat(language, info.timezone), [info, language]);
  if (!info || !language || !format) return <main className="technician">{t('technician.loading')}</main>;

  const header = (tabs?: ReactNode) => (
    <header className="tech-header">
      <div className="tech-bar">
        <span className="tech-title">
          {info.branch.name} · {t('technician.title')}
        </span>
        <span className="muted">{t('technician.timesIn', { zone: info.timezone })}</span>
        <LanguagePicker label={t('technician.language')} value={language} onChange={setLanguage} />
        {loggedIn && (
          <button
            type="button"
            onClick={() => {
              void client.call('technician.logout', {});
              setLoggedIn(false);
            }}
          >
            {t('technician.logout')}
          </button>
        )}
      </div>
      {tabs}
    </header>
  );
  if (!loggedIn)
    return (
      <div className="technician">
        {header()}
        <TechnicianLogin client={client} onLoggedIn={() => setLoggedIn(true)} />
      </div>
    );
  const Current = TECHNICIAN_TABS.find((x) => x.id === tab)!.Tab;
  return (
    <TechnicianContext.Provider value={{ client, info, format, openTab: setTab }}>
      <div className="technician">
        {header(
          <TabBar
            label={t('technician.title')}
            tabs={TECHNICIAN_TABS.map((x) => ({ id: x.id, label: t(`technician.tab.${x.id}`) }))}
            current={tab}
            onSelect={setTab}
          />,
        )}
        <main className="tab-body">
          <InstallWarnings />
          <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            <h1 className="visually-hidden">{t(`technician.tab.${tab}`)}</h1>
            <Current key={tab} />
          </div>
        </main>
      </div>
    </TechnicianContext.Provider>
  );
}
