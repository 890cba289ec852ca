import { describe, expect, it } from 'vitest';
import { cliArgs, isLongRunning } from '../../../main/hosts/electron/entry-args.ts';

// The packaged binary is the kiosk and the `openbranch` command at once.
describe('Electron entry arguments', () => {
  it('starts the kiosk without arguments or with options only', () => {
    expect(cliArgs(['/opt/OpenBranch/openbranch'], true)).toEqual(['start']);
    expect(cliArgs(['/opt/OpenBranch/openbranch', '--config', '/etc/openbranch/kiosk.yaml'], true)).toEqual([
      'start',
      '--config',
      '/etc/openbranch/kiosk.yaml',
    ]);
    expect(cliArgs(['electron', '.', '--dev'], false)).toEqual(['start', '--dev']);
  });

  it('passes other commands through, and they exit', () => {
    const args = cliArgs(['/opt/OpenBranch/openbranch', 'status', '--json'], true);
    expect(args).toEqual(['status', '--json']);
    expect(isLongRunning(args)).toBe(false);
    expect(isLongRunning(['start', '--help'])).toBe(false);
    expect(isLongRunning(['start'])).toBe(true);
  });
});
