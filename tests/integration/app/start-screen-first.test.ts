import { afterEach, describe, expect, it } from 'vitest';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { startingScreen } from '../../../main/app/starting-screen.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { until } from '../../support/patience.ts';

let kiosk: RunningKiosk | undefined;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

/**
 * `openbranch start` serves the start screen before the kiosk core is built (a hub made
 * `whileStarting`). The composition root must hand that hub the built kiosk: a tap made on
 * the start screen meanwhile reaches the real session machine, and the page follows it.
 */
describe('the start screen is up before the kiosk core is built', () => {
  it('a tap made while the core was being built starts a session once it is', async () => {
    const config = configSchema.parse({ demo: true, metrics: { enabled: false } });
    const first = startingScreen(config, silentLogger);
    const hub = BridgeHub.whileStarting(first, silentLogger);
    const sent: MainMessage[] = [];
    const page = hub.connect((m) => sent.push(m), 'test');
    page.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
    page.receive(JSON.stringify({ type: 'event', event: { type: 'ui.start' } }));
    expect(sent).toEqual([{ type: 'view', view: expect.objectContaining({ screen: 'attract' }) }]);

    kiosk = await startKiosk({ config, logger: silentLogger, hub });
    first.dispose();
    expect(kiosk.hub).toBe(hub);
    const views = () => sent.flatMap((m) => (m.type === 'view' ? [m.view.screen] : []));
    await until(() => views().includes('identify'), 3000, 'the identify screen');
    expect(kiosk.screens.current().screen).toBe('identify');
    // The page now has the demo's simulator and the built kiosk's view, and is served by it.
    expect(sent.some((m) => m.type === 'simulator')).toBe(true);
    page.receive(JSON.stringify({ type: 'event', event: { type: 'ui.cancel' } }));
    await until(() => views().at(-1) === 'attract', 3000, 'back to the start screen');
    page.close();
  });
});
