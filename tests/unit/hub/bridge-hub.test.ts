import { describe, expect, it } from 'vitest';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import type { KioskCore } from '../../../main/core/ports.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import { Emitter } from '../../../shared/events.ts';
import type { Logger } from '../../../shared/logger.ts';

/** A logger that records what it was given, to prove refusals are logged without payloads. */
function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (a: unknown, b?: string) => lines.push(`${level} ${JSON.stringify(a)} ${b ?? ''}`);
  const logger: Logger = {
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: () => logger,
  };
  return logger;
}

function setup() {
  const config = configSchema.parse({});
  const core = new KioskShell({ config, logger: recordingLogger([]), screens: new IdleScreens(60, 10) });
  const dispatched: UiEvent[] = [];
  const spy: KioskCore = {
    view: () => core.view(),
    onView: (l) => core.onView(l),
    dispatch: (e) => {
      dispatched.push(e);
      core.dispatch(e);
    },
  };
  const logs: string[] = [];
  const sent: MainMessage[] = [];
  const hub = new BridgeHub(spy, recordingLogger(logs));
  const connection = hub.connect((m) => sent.push(m), 'test');
  return { connection, sent, logs, dispatched, core, hub };
}

describe('bridge hub', () => {
  it('says when a page has first been sent its view (start-up work the screen does not need waits for it)', async () => {
    const { connection, sent, hub } = setup();
    let shown = false;
    void hub.firstViewSent.then(() => {
      shown = true;
    });
    const settle = () => new Promise((r) => setImmediate(r));
    connection.receive({ type: 'event', event: { type: 'ui.language', language: 'en' } });
    await settle();
    expect(shown).toBe(false);
    connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
    await settle();
    expect(shown).toBe(true);
    expect(sent.some((m) => m.type === 'view')).toBe(true);
  });

  it('answers hello with the current view and forwards valid events', () => {
    const { connection, sent, dispatched } = setup();
    connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
    expect(sent[0]).toMatchObject({ type: 'view', view: { screen: 'attract', language: 'sv' } });
    connection.receive({ type: 'event', event: { type: 'ui.language', language: 'en' } });
    expect(dispatched).toEqual([{ type: 'ui.language', language: 'en' }]);
    expect(sent.at(-1)).toMatchObject({ type: 'view', view: { language: 'en' } });
  });

  it.each([
    ['not JSON', '{"type":'],
    ['unknown message type', { type: 'exec', command: 'rm -rf /' }],
    ['unknown event', { type: 'event', event: { type: 'door.unlock' } }],
    ['extra field', { type: 'event', event: { type: 'ui.start', admin: true } }],
    ['wrong field type', { type: 'event', event: { type: 'ui.language', language: 42 } }],
    ['unsupported language', { type: 'event', event: { type: 'ui.language', language: 'de' } }],
    ['PIN with letters', { type: 'event', event: { type: 'pin.entered', pin: '12ab' } }],
    ['card number with spaces', { type: 'event', event: { type: 'card.entered', number: '12 34', source: 'keypad' } }],
    ['oversized', 'x'.repeat(70_000)],
    ['null', null],
    ['array', [1, 2, 3]],
    ['binary', new Uint8Array([1, 2, 3])],
  ])('refuses %s with a reason and never dispatches it', (_, raw) => {
    const { connection, sent, dispatched, logs } = setup();
    connection.receive({ type: 'hello', protocol: 1 });
    const before = sent.length;
    connection.receive(raw);
    expect(dispatched).toEqual([]);
    expect(sent.slice(before)).toEqual([{ type: 'refused', reason: expect.any(String) }]);
    expect(logs.some((l) => l.startsWith('warn') && l.includes('bridge message refused'))).toBe(true);
  });

  it('refuses simulator actions outside demo mode', () => {
    const { connection, sent } = setup();
    connection.receive({ type: 'hello', protocol: 1 });
    connection.receive({ type: 'simulator', action: { type: 'sim.door.open' } });
    expect(sent.at(-1)).toEqual({ type: 'refused', reason: 'demo mode is off: there is no simulator' });
  });

  it('refuses events before hello', () => {
    const { connection, dispatched, sent } = setup();
    connection.receive({ type: 'event', event: { type: 'ui.start' } });
    expect(dispatched).toEqual([]);
    expect(sent).toEqual([{ type: 'refused', reason: 'event before hello' }]);
  });

  it('never logs the content of a refused or accepted message (PINs)', () => {
    const { connection, logs } = setup();
    connection.receive({ type: 'hello', protocol: 1 });
    connection.receive({ type: 'event', event: { type: 'pin.entered', pin: '918273' } });
    connection.receive({ type: 'event', event: { type: 'pin.entered', pin: '918273x' } });
    expect(logs.join('\n')).not.toContain('918273');
  });

  it('stops sending views after close', () => {
    const { connection, sent, core } = setup();
    connection.receive({ type: 'hello', protocol: 1 });
    connection.close();
    const before = sent.length;
    core.dispatch({ type: 'ui.language', language: 'en' });
    expect(sent.length).toBe(before);
  });
});

describe('emitter', () => {
  it('unsubscribes', () => {
    const e = new Emitter<{ x: number }>();
    const got: number[] = [];
    const off = e.on('x', (n) => got.push(n));
    e.emit('x', 1);
    off();
    e.emit('x', 2);
    expect(got).toEqual([1]);
  });
});
