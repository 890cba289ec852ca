import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImport, checkTree, importsOf } from './layer-rules.ts';

const root = resolve(import.meta.dirname, '../../..');
const at = (p: string) => join(root, p);

describe('import direction (ARCHITECTURE.md)', () => {
  it('the source tree has no import that points up or sideways', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it('finds static, type-only, re-export and dynamic imports', () => {
    const src = `import a from 'x'; import type { B } from './b.ts'; export * from '../c.ts'; const d = await import('node:fs');`;
    expect(importsOf(src)).toEqual(['x', './b.ts', '../c.ts', 'node:fs']);
  });

  it.each([
    ['shared/x.ts', '../main/app.ts', 'shared/ may not import main'],
    ['shared/x.ts', 'node:fs', 'shared/ may not import the package node:fs'],
    ['devices/rfid/x.ts', '../../main/log.ts', 'devices/ may not import main'],
    ['devices/rfid/x.ts', '../../renderer/App.tsx', 'devices/ may not import renderer'],
    ['renderer/App.tsx', '../main/app.ts', 'renderer/ may not import main'],
    ['renderer/App.tsx', '../devices/rfid/feig.ts', 'renderer/ may not import devices'],
    ['renderer/App.tsx', 'node:path', 'renderer/ may not import the package node:path'],
    ['main/app.ts', '../renderer/App.tsx', 'main/ may not import renderer'],
    ['main/app.ts', 'electron', 'electron is imported only in main/hosts/electron'],
    ['devices/door/x.ts', 'electron', 'electron is imported only in main/hosts/electron'],
    ['devices/rfid/codec/feig.ts', 'node:fs', 'codecs do no I/O (node:fs)'],
    ['devices/rfid/codec/feig.ts', '../transport.ts', 'a codec imports only shared/ and other codec files'],
    ['main/machines/door.ts', 'better-sqlite3', 'machines do no I/O (better-sqlite3)'],
    ['main/machines/door.ts', '../../devices/door/lcus.ts', 'machines get devices as actors, never concrete drivers'],
    ['main/door/door-controller.ts', '../hub/bridge-hub.ts', 'main/door may not import main/hub (use a port in main/core)'],
    ['main/door/x.ts', '../app/device-wiring.ts', 'main/door may not import main/app (use a port in main/core)'],
    ['main/queue/x.ts', '../hosts/web/server.ts', 'main/queue may not import main/hosts (use a port in main/core)'],
    ['main/machines/session.ts', '../cli/index.ts', 'main/machines may not import main/cli (use a port in main/core)'],
    ['main/central/index.ts', '../app/start-kiosk.ts', 'main/central may not import main/app (use a port in main/core)'],
    ['main/core/ports.ts', '../devices/manager.ts', 'main/core (the ports) imports shared/ only'],
    ['main/core/ports.ts', 'xstate', 'main/core (the ports) imports shared/ only'],
  ])('%s importing %s is refused', (file, spec, rule) => {
    const rules = checkImport(root, at(file), spec).map((v) => v.rule);
    expect(rules).toContain(rule);
  });

  it.each([
    ['main/hosts/electron/window.ts', 'electron'],
    ['main/app.ts', '../devices/rfid/index.ts'],
    ['devices/rfid/feig.ts', 'serialport'],
    ['devices/rfid/codec/crc.ts', '../../../shared/errors.ts'],
    ['renderer/App.tsx', '../shared/contract/index.ts'],
    ['main/machines/door.ts', 'xstate'],
    ['main/door/door-controller.ts', '../core/ports.ts'],
    ['main/hub/bridge-hub.ts', '../core/ports.ts'],
    ['main/app/start-kiosk.ts', '../hub/bridge-hub.ts'],
    ['main/core/ports.ts', '../../shared/contract/view.ts'],
  ])('%s importing %s is allowed', (file, spec) => {
    expect(checkImport(root, at(file), spec)).toEqual([]);
  });
});
