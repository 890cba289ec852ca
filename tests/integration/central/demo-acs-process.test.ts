import { spawn } from 'node:child_process';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAcsChild } from '../../../main/app/install-paths.ts';
import { startDemoAcsProcess } from '../../../main/central/demo/acs-process.ts';
import { DEMO_ITEMS, DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import type { DemoCentral } from '../../../main/central/demo/demo-central.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { listenerPid, parentPid, refused } from '../../support/listeners.ts';
import { patient } from '../../support/patience.ts';
import { processAlive } from '../../support/process-alive.ts';

const LOGIN = `9300CN${DEMO_LOGIN.user}|CO${DEMO_LOGIN.password}|CP${DEMO_LOGIN.institution}|\r`;

/** One SIP2 login over a fresh connection: the answer's text, or undefined if the server closed without one. */
function login(port: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let text = '';
    socket.on('connect', () => socket.write(LOGIN));
    socket.on('data', (d) => {
      text += d;
      if (text.includes('\r')) socket.end();
    });
    socket.on('close', () => resolve(text || undefined));
    socket.on('error', reject);
  });
}

let demo: DemoCentral | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  blocker = undefined;
});

describe("the demo central system in a process of its own (the embedded default's `openbranch start`)", () => {
  it('speaks SIP2 and OAI-PMH from another process, answers the simulator, takes the network switch, and ends on close()', async () => {
    demo = await startDemoAcsProcess(demoAcsChild, { port: 0, httpPort: 0 }, silentLogger);
    expect(listenerPid(demo.port)).not.toBe(process.pid);
    expect(await login(demo.port)).toMatch(/^941/);
    const identify = await fetch(`${demo.oai!.url}?verb=Identify`);
    expect(await identify.text()).toContain('<Identify>');
    expect(demo.region.KOP).toBe('Köpings bibliotek');

    const mio = DEMO_ITEMS[0]!;
    expect(await demo.item(mio.itemId)).toMatchObject({ itemId: mio.itemId, title: mio.title });
    expect(await demo.item('00000000000000')).toBeUndefined();

    // The network switch crosses as a message: from some connection on, a frame gets no answer but a closed line.
    demo.misbehave({ kind: 'drop' });
    let dropped = false;
    const deadline = Date.now() + patient(3000);
    while (!dropped && Date.now() < deadline) dropped = (await login(demo.port)) === undefined;
    expect(dropped).toBe(true);
    demo.misbehave({ kind: 'normal' });
    let back = false;
    while (!back && Date.now() < deadline + patient(3000)) back = (await login(demo.port)) !== undefined;
    expect(back).toBe(true);

    const { port } = demo;
    await demo.close();
    demo = undefined;
    expect(await refused(port)).toBe(true);
  });

  it('a SIP2 port that is taken: the start is refused with the reason', async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await expect(startDemoAcsProcess(demoAcsChild, { port: address.port }, silentLogger)).rejects.toThrow(/EADDRINUSE/);
  });

  it('ends with the kiosk that started it, also when the kiosk is killed', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'demo-acs-parent.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        parent.stdout.on('data', (d) => {
          out += d;
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        parent.once('exit', (code) => reject(new Error(`the stand-in kiosk exited (${code}) first`)));
      });
      const { port } = JSON.parse(line) as { port: number };
      expect(await login(port)).toMatch(/^941/);
      expect(parentPid(listenerPid(port)!)).toBe(parent.pid);
      process.kill(parent.pid!, 'SIGKILL');
      const stopped = { refused: false };
      const deadline = Date.now() + patient(5000);
      while (!stopped.refused && Date.now() < deadline) stopped.refused = await refused(port);
      expect(stopped.refused).toBe(true);
    } finally {
      // The stand-in's group (the demo's process with it) when anything above failed.
      if (processAlive(parent.pid!)) process.kill(-parent.pid!, 'SIGKILL');
      try {
        process.kill(-parent.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});
