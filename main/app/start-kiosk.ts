import { resolve } from 'node:path';
import type { KioskConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { startWebHost, type WebHost } from '../hosts/web/server.ts';
import { BridgeHub } from '../hub/bridge-hub.ts';
import { IdleScreens } from './idle-screens.ts';
import { KioskShell } from './kiosk-shell.ts';

/** dist/renderer next to the sources (repo checkout) or inside the package. */
export const defaultRendererDir = resolve(import.meta.dirname, '../../dist/renderer');

export interface RunningKiosk {
  readonly shell: KioskShell;
  readonly web: WebHost | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly web?: { readonly port: number; readonly token?: string };
  readonly rendererDir?: string;
}

/**
 * The composition root: builds the kiosk core from config and hands it
 * to a host. Everything concrete (drivers, SIP2, SQLite) is chosen here
 * and nowhere else.
 */
export async function startKiosk(options: StartOptions): Promise<RunningKiosk> {
  const { config, logger } = options;
  const screens = new IdleScreens(config.policies.idleTimeoutSeconds, config.policies.idleWarningSeconds);
  const shell = new KioskShell({ config, logger, screens });
  const hub = new BridgeHub(shell, logger.child({ subsystem: 'bridge' }));
  const web = options.web
    ? await startWebHost({
        hub,
        rendererDir: options.rendererDir ?? defaultRendererDir,
        port: options.web.port,
        logger,
        ...(options.web.token ? { token: options.web.token } : {}),
      })
    : undefined;
  return {
    shell,
    web,
    stop: async () => {
      screens.reset();
      await web?.close();
      shell.dispose();
    },
  };
}
