import { afterEach, describe, expect, it } from 'vitest';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { startingScreen } from '../../../main/app/starting-screen.ts';
import type { DoorControl, KioskCore, SimulatorControl } from '../../../main/core/ports.ts';
import { BridgeHub, MAX_HELD_WHILE_STARTING } from '../../../main/hub/bridge-hub.ts';
import { RequestRouter } from '../../../main/hub/request-router.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import type { DoorView } from '../../../shared/contract/door-view.ts';
import type { SimulatorState } from '../../../shared/contract/simulator.ts';
import { Emitter } from '../../../shared/events.ts';
import { silentLogger } from '../../../shared/logger.ts';

const config = configSchema.parse({ branch: { name: 'Vimmerby', language: 'sv' } });
const settle = () => new Promise((r) => setImmediate(r));
const shells: KioskShell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) s.dispose();
});

/** The kiosk once built: a real shell over the idle screens, a door and a simulator that note what reaches them. */
function builtKiosk(acted: string[]) {
  const shell = new KioskShell({ config, logger: silentLogger, screens: new IdleScreens(60, 10) });
  shells.push(shell);
  const doorViews = new Emitter<{ view: DoorView }>();
  const door: DoorControl = {
    view: () => ({ mode: 'unstaffed' }) as unknown as DoorView,
    onView: (l) => doorViews.on('view', l),
    dispatch: (e) => acted.push(`door ${e.type}`),
  };
  const simulator: SimulatorControl = {
    state: () => ({ demo: true }) as unknown as SimulatorState,
    onState: () => () => {},
    act: (a) => acted.push(`simulator ${a.type}`),
  };
  const core: KioskCore = {
    view: () => shell.view(),
    onView: (l) => shell.onView(l),
    dispatch: (e) => {
      acted.push(`event ${e.type}`);
      shell.dispatch(e);
    },
    door,
    simulator,
  };
  const router = new RequestRouter(
    {},
    async (pin) => {
      acted.push('pin checked');
      return pin === '1234';
    },
    silentLogger,
  );
  return { core, router, doorViews };
}

function startingHub() {
  const first = startingScreen(config, silentLogger);
  shells.push(first);
  return BridgeHub.whileStarting(first, silentLogger);
}

function page(hub: BridgeHub) {
  const sent: MainMessage[] = [];
  const connection = hub.connect((m) => sent.push(m), 'test');
  connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
  return { sent, connection };
}

// The kiosk serves its start screen before its core is built (start.ts): what a page does meanwhile must not be lost or reordered.
describe('a bridge hub while the kiosk is starting', () => {
  it('greets a page at once with the start screen in the branch language, and says a view went out', async () => {
    const hub = startingHub();
    let shown = false;
    void hub.firstViewSent.then(() => {
      shown = true;
    });
    const { sent } = page(hub);
    await settle();
    expect(shown).toBe(true);
    expect(sent).toEqual([
      {
        type: 'view',
        view: expect.objectContaining({ screen: 'attract', language: 'sv', branch: expect.objectContaining({ name: 'Vimmerby' }) }),
      },
    ]);
    // Nothing is connected yet, and the page must not take the start screen for a kiosk that is online.
    expect(sent[0]).toMatchObject({ view: { central: 'offline' } });
    expect(sent[0]).not.toHaveProperty('view.notice');
  });

  it('keeps what the page sends until the kiosk is built, then acts on it in the order it was sent', async () => {
    const hub = startingHub();
    const { sent, connection } = page(hub);
    connection.receive({ type: 'event', event: { type: 'ui.language', language: 'en' } });
    connection.receive({ type: 'door', event: { type: 'door.digit', digit: '4' } });
    connection.receive({ type: 'event', event: { type: 'ui.start' } });
    connection.receive({ type: 'simulator', action: { type: 'sim.pad.clear' } });
    connection.receive({ type: 'request', id: 7, method: 'technician.login', params: { pin: '1234' } });
    await settle();
    const acted: string[] = [];
    const built = builtKiosk(acted);
    expect(sent.filter((m) => m.type !== 'view')).toEqual([]);

    hub.complete(built.core, built.router);
    await settle();
    expect(acted).toEqual(['event ui.language', 'door door.digit', 'event ui.start', 'simulator sim.pad.clear', 'pin checked']);
    // The page now sees the built kiosk: its view, door and simulator, then what the held messages did.
    const after = sent.slice(1);
    expect(after.slice(0, 3).map((m) => m.type)).toEqual(['view', 'simulator', 'door']);
    expect(after.at(-1)).toEqual({ type: 'reply', id: 7, result: { ok: true, value: expect.objectContaining({ ok: true }) } });
    expect(sent.filter((m) => m.type === 'view').at(-1)).toMatchObject({ view: { screen: 'identify', language: 'en' } });
    // ...and keeps hearing its changes.
    built.doorViews.emit('view', { mode: 'staffed' } as unknown as DoorView);
    expect(sent.at(-1)).toEqual({ type: 'door', view: { mode: 'staffed' } });
  });

  it('acts at once on what comes after the kiosk is built', async () => {
    const hub = startingHub();
    const { connection } = page(hub);
    const acted: string[] = [];
    const built = builtKiosk(acted);
    hub.complete(built.core, built.router);
    await settle();
    connection.receive({ type: 'event', event: { type: 'ui.start' } });
    expect(acted).toEqual(['event ui.start']);
    expect(() => hub.complete(built.core, built.router)).toThrow(/already complete/);
  });

  it('keeps a bounded number: the rest is refused, and only what was kept is acted on', async () => {
    const hub = startingHub();
    const { sent, connection } = page(hub);
    for (let i = 0; i < MAX_HELD_WHILE_STARTING + 5; i++) connection.receive({ type: 'door', event: { type: 'door.digit', digit: '1' } });
    expect(sent.filter((m) => m.type === 'refused')).toEqual(Array(5).fill({ type: 'refused', reason: 'the kiosk is still starting' }));
    const acted: string[] = [];
    const built = builtKiosk(acted);
    hub.complete(built.core, built.router);
    await settle();
    expect(acted).toHaveLength(MAX_HELD_WHILE_STARTING);
  });

  it('still refuses at once what fails the schema or comes before hello, and keeps none of it', async () => {
    const hub = startingHub();
    const sent: MainMessage[] = [];
    const connection = hub.connect((m) => sent.push(m), 'test');
    connection.receive({ type: 'event', event: { type: 'ui.start' } });
    connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
    connection.receive({ type: 'event', event: { type: 'door.unlock' } });
    expect(sent.filter((m) => m.type === 'refused')).toHaveLength(2);
    const acted: string[] = [];
    const built = builtKiosk(acted);
    hub.complete(built.core, built.router);
    await settle();
    expect(acted).toEqual([]);
  });

  it('a page that left while the kiosk was starting is sent nothing more and its held messages are dropped', async () => {
    const hub = startingHub();
    const { sent, connection } = page(hub);
    connection.receive({ type: 'event', event: { type: 'ui.start' } });
    connection.close();
    const before = sent.length;
    const acted: string[] = [];
    const built = builtKiosk(acted);
    hub.complete(built.core, built.router);
    await settle();
    expect(acted).toEqual([]);
    expect(sent).toHaveLength(before);
  });

  it('a page that connects after the kiosk is built is served by it directly', async () => {
    const hub = startingHub();
    const acted: string[] = [];
    const built = builtKiosk(acted);
    hub.complete(built.core, built.router);
    const { sent, connection } = page(hub);
    expect(sent.map((m) => m.type)).toEqual(['view', 'simulator', 'door']);
    connection.receive({ type: 'door', event: { type: 'door.digit', digit: '2' } });
    expect(acted).toEqual(['door door.digit']);
  });
});
