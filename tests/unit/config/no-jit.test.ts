import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { loadConfig } from '../../../main/config/load.ts';
import { deviceRegistry } from '../../../main/devices/drivers.ts';
import { BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { EMBEDDED_DEFAULT } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

/** Counts the functions compiled from source text (zod's JIT does `new Function(...)`) while `run` runs. */
function compiledDuring(run: () => void): number {
  const real = globalThis.Function;
  let compiled = 0;
  globalThis.Function = new Proxy(real, {
    construct(target, args, newTarget) {
      compiled++;
      return Reflect.construct(target, args, newTarget);
    },
    apply(target, self, args) {
      compiled++;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = real;
  }
  return compiled;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// zod compiles each object schema on its first parse, which cost the start ~28 ms for the config alone
// and most of the device start: the kiosk parses without it (shared/parsing.ts).
describe('the start parses its config, devices and first bridge messages without compiling code', () => {
  it('the embedded default and a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ob-nojit-'));
    dirs.push(dir);
    const file = join(dir, 'config.yaml');
    writeFileSync(file, stringify({ ...EMBEDDED_DEFAULT, branch: { id: 'SAL', name: 'Sala bibliotek' } }), { mode: 0o600 });
    let devices = 0;
    expect(
      compiledDuring(() => {
        loadConfig(undefined);
        const { config } = loadConfig(file);
        for (const d of config.devices) devices += deviceRegistry.parse(d) ? 1 : 0;
      }),
    ).toBe(0);
    expect(devices).toBeGreaterThan(0);
  });

  it('the bridge’s hello and a patron’s first touch', () => {
    const { config } = loadConfig(undefined);
    const shell = new KioskShell({ config, logger: silentLogger, screens: new IdleScreens(60, 10) });
    const hub = new BridgeHub(
      { view: () => shell.view(), onView: (l) => shell.onView(l), dispatch: (e) => shell.dispatch(e) },
      silentLogger,
    );
    const sent: unknown[] = [];
    const connection = hub.connect((m) => sent.push(m), 'test');
    expect(
      compiledDuring(() => {
        connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
        connection.receive(JSON.stringify({ type: 'event', event: { type: 'ui.language', language: 'en' } }));
      }),
    ).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    shell.dispose();
  });
});
