import type { KioskConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../../shared/logger.ts';
import { IdleScreens } from './idle-screens.ts';
import { KioskShell } from './kiosk-shell.ts';

/**
 * What a page is shown while the kiosk is being built: the start screen in the
 * branch's language, from the config alone. It takes no input: what a patron
 * does meanwhile waits in the bridge hub and reaches the built kiosk. The
 * central system counts as offline (nothing is connected yet) without the
 * patron's offline notice, which only the built kiosk can word right.
 */
export function startingScreen(config: KioskConfig, logger: Logger): KioskShell {
  const { idleTimeoutSeconds, idleWarningSeconds } = config.policies;
  return new KioskShell({ config, logger, screens: new IdleScreens(idleTimeoutSeconds, idleWarningSeconds), central: 'offline' });
}
