import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const run = (...args: string[]) => runCli(args);

describe('openbranch door decide (embedded demo central system)', () => {
  it('grants at 06:05 and refuses at 22:05 with the reason, as the door would', async () => {
    const morning = await run('door', 'decide', '--card', '23000000000017', '--pin', '1234', '--at', '2026-11-30T06:05:00+01:00', '--json');
    expect(morning.status).toBe(0);
    expect(JSON.parse(morning.stdout)).toMatchObject({ grant: true, mode: 'unstaffed' });
    const night = await run('door', 'decide', '--card', '23000000000017', '--pin', '1234', '--at', '2026-11-30T22:05:00+01:00', '--json');
    expect(night.status).toBe(1);
    expect(JSON.parse(night.stdout)).toMatchObject({ grant: false, reason: 'outside-hours' });
    expect(JSON.parse((await run('door', 'decide', '--card', '23000000000017', '--pin', '', '--json')).stdout)).toMatchObject({
      reason: 'empty-pin',
    });
  });
});
