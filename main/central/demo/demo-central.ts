import type { DemoAcs, Misbehaviour } from './acs-server.ts';
import type { DemoItem } from './data.ts';

/**
 * What the kiosk uses of the demo central system in demo mode: where it
 * listens, the region's libraries, the simulator's network switch and its
 * look-up of any copy by barcode. The same whether the demo runs in the
 * kiosk's own process (tests, Electron) or in a process of its own
 * (`openbranch start` on the web host: demo-acs-process.ts).
 */
export interface DemoCentral {
  readonly host: string;
  readonly port: number;
  /** The OAI-PMH endpoint, when the demo serves one. */
  readonly oai: { readonly url: string } | undefined;
  /** The demo region's libraries, branch code -> name. */
  readonly region: Readonly<Record<string, string>>;
  misbehave(mode: Misbehaviour): void;
  /** Any copy the demo central system knows, by barcode. */
  item(itemId: string): Promise<DemoItem | undefined>;
  close(): Promise<void>;
  /** The server itself when it runs in this process: tests and benchmarks look at its loans and holds. */
  readonly inProcess?: DemoAcs;
}

/** The demo ACS running in this process, as the kiosk sees it. */
export function inThisProcess(acs: DemoAcs): DemoCentral {
  return {
    host: acs.host,
    port: acs.port,
    oai: acs.oai,
    region: acs.region,
    misbehave: (mode) => acs.misbehave(mode),
    item: async (itemId) => acs.state.item(itemId),
    close: () => acs.close(),
    inProcess: acs,
  };
}
