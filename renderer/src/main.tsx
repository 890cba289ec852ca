import { type ReactElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type ConnectedBridge, connectBridge } from './bridge/connect.ts';
import { initI18n, loadAllLanguages } from './i18n.ts';
import './styles/index.css';

type Page = (bridge: ConnectedBridge) => ReactElement;

/**
 * Each page loads only its own screens: the patron kiosk's attract screen does not wait
 * for the technician screen, the simulator panel or the door terminal to be parsed.
 */
async function load(route: string | undefined): Promise<Page> {
  switch (route) {
    case 'simulator': {
      const { SimulatorPanel } = await import('./simulator/SimulatorPanel.tsx');
      return (bridge) => <SimulatorPanel bridge={bridge} />;
    }
    case 'door': {
      const { DoorTerminal } = await import('./door/DoorTerminal.tsx');
      return (bridge) => <DoorTerminal bridge={bridge} />;
    }
    case 'technician': {
      const { TechnicianScreen } = await import('./technician/TechnicianScreen.tsx');
      return (bridge) => <TechnicianScreen bridge={bridge} />;
    }
    default: {
      const [{ KioskProvider }, { App }] = await Promise.all([import('./kiosk-context.tsx'), import('./App.tsx')]);
      return (bridge) => (
        <KioskProvider bridge={bridge}>
          <App />
        </KioskProvider>
      );
    }
  }
}

const route = window.location.pathname.replace(/\/+$/, '').split('/').pop();
// The web host's socket opens while the page's code and words load (it keeps main's latest view for the
// screen); Electron's bridge says hello once the page listens, as its answers are not kept.
const early = window.openbranch ? undefined : connectBridge();
const [page] = await Promise.all([load(route), initI18n()]);
const bridge = early ?? connectBridge();
createRoot(document.getElementById('root')!).render(<StrictMode>{page(bridge)}</StrictMode>);
// The other languages' words load a moment after the first view, when the page is idle: a patron may pick
// one soon (a language not loaded yet is fetched when picked), but parsing them must not hold up the first draw.
const LANGUAGES_AFTER_MS = 1000;
const stop = bridge.onMessage(() => {
  stop();
  setTimeout(() => requestIdleCallback(() => loadAllLanguages().catch(() => {}), { timeout: 2000 }), LANGUAGES_AFTER_MS);
});
