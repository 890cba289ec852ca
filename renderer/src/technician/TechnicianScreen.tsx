import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import { RequestClient } from '../bridge/request-client.ts';
import { DevicesTab } from './DevicesTab.tsx';
import { DiscoverPanel } from './DiscoverPanel.tsx';
import { NightOpsTab } from './NightOpsTab.tsx';
import { QueueTab } from './QueueTab.tsx';
import { ReportTab } from './ReportTab.tsx';
import { ResultTab } from './ResultTab.tsx';
import { TechnicianLogin } from './TechnicianLogin.tsx';
import './technician.css';

const TABS = ['devices', 'central', 'queue', 'schedule', 'report', 'nightOps', 'logs'] as const;
type Tab = (typeof TABS)[number];

/** /technician: devices, central system, queue, schedule, staff report and logs, behind the technician PIN. */
export function TechnicianScreen({ bridge }: { bridge: KioskBridge }) {
  const { t } = useTranslation();
  const client = useMemo(() => new RequestClient(bridge), [bridge]);
  const [loggedIn, setLoggedIn] = useState(false);
  const [tab, setTab] = useState<Tab>('devices');
  if (!loggedIn) return <TechnicianLogin client={client} onLoggedIn={() => setLoggedIn(true)} />;
  return (
    <div className="technician">
      <nav className="tabs" aria-label={t('technician.title')}>
        {TABS.map((name) => (
          <button key={name} type="button" aria-pressed={tab === name} onClick={() => setTab(name)}>
            {t(`technician.tab.${name}`)}
          </button>
        ))}
        <button
          type="button"
          onClick={() => {
            void client.call('technician.logout', {});
            setLoggedIn(false);
          }}
        >
          {t('technician.logout')}
        </button>
      </nav>
      <section className="tab-body">
        {tab === 'devices' && (
          <>
            <DevicesTab client={client} />
            <DiscoverPanel client={client} />
          </>
        )}
        {tab === 'central' && <ResultTab client={client} method="central.status" />}
        {tab === 'queue' && <QueueTab client={client} />}
        {tab === 'schedule' && <ResultTab client={client} method="schedule.show" />}
        {tab === 'report' && <ReportTab client={client} />}
        {tab === 'nightOps' && <NightOpsTab client={client} />}
        {tab === 'logs' && <ResultTab client={client} method="logs.tail" />}
      </section>
    </div>
  );
}
