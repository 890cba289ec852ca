import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = (...args: string[]) => spawnSync(process.execPath, ['main/cli/bin.mjs', ...args], { cwd: root, encoding: 'utf8' });

describe('openbranch door decide (embedded demo central system)', () => {
  it('grants at 06:05 and refuses at 22:05 with the reason, as the door would', () => {
    const morning = run('door', 'decide', '--card', '23000000000017', '--pin', '1234', '--at', '2026-11-30T06:05:00+01:00', '--json');
    expect(morning.status).toBe(0);
    expect(JSON.parse(morning.stdout)).toMatchObject({ grant: true, mode: 'unstaffed' });
    const night = run('door', 'decide', '--card', '23000000000017', '--pin', '1234', '--at', '2026-11-30T22:05:00+01:00', '--json');
    expect(night.status).toBe(1);
    expect(JSON.parse(night.stdout)).toMatchObject({ grant: false, reason: 'outside-hours' });
    expect(JSON.parse(run('door', 'decide', '--card', '23000000000017', '--pin', '', '--json').stdout)).toMatchObject({
      reason: 'empty-pin',
    });
  });
});
