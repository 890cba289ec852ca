import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningKiosk, startKiosk } from '../../../main/app/start-kiosk.ts';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { type Sip2Tap, sip2Tap } from '../central/sip2-tap.ts';

/**
 * Finding 9: with the self-service empty-PIN guard removed the whole suite
 * still passed ("never sent" was only ever checked on the screen). Here the
 * kiosk runs on a sip2 config against the demo ACS behind a TCP tap that
 * keeps every message the kiosk sends; an empty PIN must not put a single
 * request about the patron on the wire.
 */
const ANNA = '23000000000017';

const until = async (ok: () => boolean, what: string) => {
  const end = Date.now() + 15_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

let acs: DemoAcs;
let wire: Sip2Tap;
let kiosk: RunningKiosk | undefined;
beforeEach(async () => {
  acs = await startDemoAcs();
  wire = await sip2Tap(acs.port);
});
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
  await wire.close();
  await acs.close();
});

describe('self-service: an empty PIN never reaches the central system', () => {
  it('card, then an empty PIN: nothing about the patron on the wire; the real PIN then goes out once', async () => {
    const config = configSchema.parse({
      central: { kind: 'sip2', host: '127.0.0.1', port: wire.port, ...DEMO_LOGIN, location: 'VAS' },
      policies: { pinRequired: true },
      metrics: { enabled: false },
    });
    kiosk = await startKiosk({ config, logger: silentLogger });
    const k = kiosk;
    await until(() => k.queue.mode() === 'online', 'the SIP2 login');
    const aboutAnna = () => wire.sent.filter((m) => m.includes(`AA${ANNA}`));

    k.core.dispatch({ type: 'ui.start' });
    k.core.dispatch({ type: 'card.entered', number: ANNA, source: 'keypad' });
    await until(() => k.screens.current().screen === 'pin', 'the PIN screen');
    k.core.dispatch({ type: 'pin.entered', pin: '' });
    // One request at a time on the SIP2 link: once this round trip is back, anything the session
    // set off with the empty PIN has been on the wire before it.
    await k.queue.itemInformation('39000000000052');
    expect(aboutAnna()).toEqual([]);
    expect(wire.sent.some((m) => /\|AD(\||$)/.test(m))).toBe(false);
    expect(k.screens.current()).toMatchObject({ screen: 'pin', data: { error: 'empty-pin' } });

    k.core.dispatch({ type: 'pin.entered', pin: '1234' });
    await until(() => aboutAnna().length > 0, 'the patron request with the PIN');
    expect(aboutAnna().every((m) => m.includes('|AD1234|'))).toBe(true);
    expect(wire.sent.some((m) => /\|AD(\||$)/.test(m))).toBe(false);
  });
});
