import { createContext, useContext } from 'react';
import type { KioskInfo } from '../../../shared/contract/technician.ts';
import type { RequestClient } from '../bridge/request-client.ts';
import type { Format } from './format.ts';

export interface TechnicianContextValue {
  readonly client: RequestClient;
  readonly info: KioskInfo;
  readonly format: Format;
  /** Switches to another tab (the overview's "go to" links). */
  readonly openTab: (id: string) => void;
}

export const TechnicianContext = createContext<TechnicianContextValue | undefined>(undefined);

/** What every tab and panel of the technician screen needs: the request client, the branch, local-time formatting. */
export function useTechnician(): TechnicianContextValue {
  const value = useContext(TechnicianContext);
  if (!value) throw new Error('useTechnician outside the technician screen');
  return value;
}
