import { afterEach, describe, expect, it } from 'vitest';
import { type KioskProcess, startKioskProcess } from '../../e2e/kiosk-process.ts';
import { listenerPid, parentPid, refused } from '../../support/listeners.ts';
import { until } from '../../support/patience.ts';

let kiosk: KioskProcess | undefined;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

describe('openbranch start on the embedded default', () => {
  it("runs the demo central system in a child process of its own, whose ports are not the kiosk's, and ends it with the kiosk", async () => {
    kiosk = await startKioskProcess();
    const started = kiosk;
    // The line comes once the kiosk core is built (after the start screen's first view, or 750 ms without a page).
    await until(() => started.output().includes('Demo central system:'), 10_000, 'the demo central system line');
    const line = /Demo central system: sip2 127\.0\.0\.1:(\d+) oai http:\/\/127\.0\.0\.1:(\d+)\//.exec(kiosk.output());
    expect(line, kiosk.output()).not.toBeNull();
    const [sip2, oai] = [Number(line![1]), Number(line![2])];
    const holder = listenerPid(sip2)!;
    expect(holder).not.toBe(kiosk.pid);
    expect(parentPid(holder)).toBe(kiosk.pid);
    expect(listenerPid(oai)).toBe(holder);
    // The kiosk's own ports stay its own.
    expect(listenerPid(kiosk.port)).toBe(kiosk.pid);

    // Stopped as systemd stops it (SIGTERM to the kiosk alone): the demo central system goes with it.
    process.kill(kiosk.pid, 'SIGTERM');
    expect(await kiosk.exited).toBe(0);
    expect(await refused(sip2)).toBe(true);
    expect(await refused(oai)).toBe(true);
  });
});
