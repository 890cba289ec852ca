import { rmSync } from 'node:fs';
import { waitFor } from 'xstate';
import { SessionScreens } from '../../main/app/session-screens.ts';
import type { ItemPad } from '../../shared/devices/rfid.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { silentLogger } from '../../shared/logger.ts';

const ANNA = '23000000000017';

/** The real session (no PIN, no receipt) with Anna signed in by card number and on the check-out screen. */
export async function checkoutSession(central: CentralSystem, pad: ItemPad): Promise<SessionScreens> {
  const screens = new SessionScreens({
    central,
    pad,
    cardReaders: [],
    printer: undefined,
    branchId: 'VAS',
    branchDisplayName: 'VAS',
    branchName: (c) => c,
    pickupLabel: () => '',
    checkInOnSecurityFailure: false,
    language: () => 'sv',
    logger: silentLogger,
    policy: { pinRequired: false, idleSeconds: 600, warningSeconds: 10, receipt: 'none' },
  });
  screens.dispatch({ type: 'card.entered', number: ANNA, source: 'keypad' });
  await waitFor(screens.actor, (s) => JSON.stringify(s.value).includes('menu'));
  screens.dispatch({ type: 'menu.checkout' });
  return screens;
}

/** Stops the session and everything under it, last started first, and removes the bench's folder. */
export async function closeCore(parts: {
  screens: { stop(): void };
  pad: { stop(): void };
  reader: { close(): Promise<void> };
  queue: { close(): void };
  db: { close(): void };
  dir: string;
  conn: { close(): Promise<void> };
}): Promise<void> {
  parts.screens.stop();
  parts.pad.stop();
  await parts.reader.close();
  parts.queue.close();
  parts.db.close();
  rmSync(parts.dir, { recursive: true, force: true });
  await parts.conn.close();
}
