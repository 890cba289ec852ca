import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { KioskBridge } from '../../shared/contract/bridge.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { KioskView } from '../../shared/contract/view.ts';

interface KioskState {
  readonly view: KioskView | undefined;
  readonly connected: boolean;
  readonly send: (event: UiEvent) => void;
}

const KioskContext = createContext<KioskState | undefined>(undefined);

/** Holds the latest view from main; the renderer keeps no other truth. */
export function KioskProvider({
  bridge,
  children,
}: {
  bridge: KioskBridge & { onConnection?: (l: (c: boolean) => void) => () => void };
  children: ReactNode;
}) {
  const [view, setView] = useState<KioskView>();
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    const offMessage = bridge.onMessage((m) => {
      if (m.type === 'view') setView(m.view);
      else if (m.type === 'refused') console.warn('bridge refused a message:', m.reason);
    });
    const offConnection = bridge.onConnection?.(setConnected);
    return () => {
      offMessage();
      offConnection?.();
    };
  }, [bridge]);
  const state = useMemo<KioskState>(
    () => ({ view, connected, send: (event) => bridge.send({ type: 'event', event }) }),
    [view, connected, bridge],
  );
  return <KioskContext.Provider value={state}>{children}</KioskContext.Provider>;
}

export function useKiosk(): KioskState {
  const state = useContext(KioskContext);
  if (!state) throw new Error('useKiosk outside KioskProvider');
  return state;
}
