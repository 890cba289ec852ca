import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestedGroup } from '../../../main/cli/index.ts';
import { KIOSK_V8_FLAGS } from '../../../main/cli/young-generation.ts';
import { cliArgs } from '../../../main/hosts/electron/entry-args.ts';

const root = resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');

// The CLI's main() sets KIOSK_V8_FLAGS when the command is `start` (the integration test
// tests/integration/startup/young-generation.test.ts sees it in the running kiosk). Every shipped
// way of starting the kiosk must therefore reach main() with `start` as the command.
describe('every shipped entry point starts the kiosk through `start`, which carries KIOSK_V8_FLAGS', () => {
  it('the flags are the small young generation', () => {
    expect(KIOSK_V8_FLAGS).toContain('--semi-space-growth-factor=1');
  });

  it('npm start runs the bin with start', () => {
    expect(JSON.parse(read('package.json')).scripts.start).toMatch(/node main\/cli\/bin\.mjs start$/);
  });

  it('web-kiosk.sh (openbranch-web-kiosk.service) runs `openbranch start --web`', () => {
    expect(read('resources/deploy/linux/web-kiosk.sh')).toMatch(/^args=\(start --web /m);
  });

  it('openbranch-kiosk.service runs the packaged app with start, and the Electron entry hands main() `start` also with no arguments', () => {
    expect(read('resources/deploy/linux/openbranch-kiosk.service')).toMatch(/^ExecStart=.*\/opt\/OpenBranch\/openbranch start /m);
    for (const argv of [
      ['/opt/OpenBranch/openbranch'],
      ['/opt/OpenBranch/openbranch', '--config', 'k.yaml'],
      ['/opt/OpenBranch/openbranch', 'start'],
    ])
      expect(requestedGroup(cliArgs(argv, true))).toBe('start');
  });
});
