import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { KioskView } from '../../shared/contract/view.ts';
import type { ConnectedBridge } from './bridge/connect.ts';
import type { StartProblem } from './bridge/start-problem.ts';

interface KioskState {
  readonly view: KioskView | undefined;
  readonly connected: boolean;
  /** Why no view came (no or wrong token, no kiosk), for the technician. */
  readonly startProblem: StartProblem | undefined;
  readonly send: (event: UiEvent) => void;
}

const KioskContext = createContext<KioskState | undefined>(undefined);

/** Holds the latest view from main; the renderer keeps no other truth. */
export function KioskProvider({ bridge, children }: { bridge: ConnectedBridge; children: ReactNode }) {
  const [view, setView] = useState<KioskView>();
  const [connected, setConnected] = useState(true);
  const [startProblem, setStartProblem] = useState<StartProblem>();
  useEffect(() => {
    const offMessage = bridge.onMessage((m) => {
      if (m.type === 'view') setView(m.view);
      else if (m.type === 'refused') console.warn('bridge refused a message:', m.reason);
    });
    const offConnection = bridge.onConnection?.(setConnected);
    const offProblem = bridge.onStartProblem?.(setStartProblem);
    return () => {
      offMessage();
      offConnection?.();
      offProblem?.();
    };
  }, [bridge]);
  const state = useMemo<KioskState>(
    () => ({ view, connected, startProblem, send: (event) => bridge.send({ type: 'event', event }) }),
    [view, connected, startProblem, bridge],
  );
  return <KioskContext.Provider value={state}>{children}</KioskContext.Provider>;
}

export function useKiosk(): KioskState {
  const state = useContext(KioskContext);
  if (!state) throw new Error('useKiosk outside KioskProvider');
  return state;
}
