import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectBridge } from './bridge/connect.ts';
import { DoorTerminal } from './door/DoorTerminal.tsx';
import { initI18n } from './i18n.ts';
import { KioskProvider } from './kiosk-context.tsx';
import { SimulatorPanel } from './simulator/SimulatorPanel.tsx';
import { TechnicianScreen } from './technician/TechnicianScreen.tsx';
import './styles/index.css';

await initI18n();
const bridge = connectBridge();
const route = window.location.pathname.replace(/\/+$/, '').split('/').pop();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {route === 'simulator' ? (
      <SimulatorPanel bridge={bridge} />
    ) : route === 'door' ? (
      <DoorTerminal bridge={bridge} />
    ) : route === 'technician' ? (
      <TechnicianScreen bridge={bridge} />
    ) : (
      <KioskProvider bridge={bridge}>
        <App />
      </KioskProvider>
    )}
  </StrictMode>,
);
