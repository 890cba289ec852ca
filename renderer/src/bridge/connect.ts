import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import type { StartProblem } from './start-problem.ts';
import { WebSocketBridge } from './web-socket-bridge.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    openbranch?: KioskBridge;
  }
}

/** Electron's preload bridge when present, else the web host's socket (token from the page URL). */
export type ConnectedBridge = KioskBridge & {
  onConnection?: (l: (c: boolean) => void) => () => void;
  onStartProblem?: (l: (p: StartProblem | undefined) => void) => () => void;
};

export function connectBridge(): ConnectedBridge {
  if (window.openbranch) {
    window.openbranch.send({ type: 'hello', protocol: 1 });
    return window.openbranch;
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const ws = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/bridge?token=${encodeURIComponent(token)}`;
  return new WebSocketBridge(ws, token);
}
