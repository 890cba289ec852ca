import { afterEach, describe, expect, it } from 'vitest';
import { LcusSimulator } from '../../../devices/door/lcus-simulator.ts';
import { printedText } from '../../../devices/printer/codec/escpos-parse.ts';
import { EscposSimulator } from '../../../devices/printer/escpos-simulator.ts';
import { SerialLink } from '../../../devices/serial/link.ts';
import { JsonChild } from './fixtures/child.ts';
import { type PtyPair, ptyPair, until } from './fixtures/pty.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function pty(): Promise<PtyPair> {
  const p = await ptyPair();
  cleanups.push(() => p.dispose());
  return p;
}

function cli(args: string[]): JsonChild {
  const c = new JsonChild(args);
  cleanups.push(() => c.stop());
  return c;
}

describe('technician CLI against simulators on ptys', () => {
  it('`door pulse --driver lcus` sends release, on, off and exits 0', async () => {
    const p = await pty();
    const sim = new LcusSimulator(p.device);
    await sim.start();
    cleanups.push(() => sim.stop());
    const run = cli(['door', 'pulse', '--driver', 'lcus', '--port', p.host, '--relay', '2', '--ms', '200', '--json']);
    expect((await run.exited).code).toBe(0);
    await until(() => sim.frames.length === 4, 3000, 'frames');
    // release at start, on, off at the end of the pulse, and once more on close (fail secure).
    expect(sim.frames.map((f) => f.hex)).toEqual(['a00200a2', 'a00201a3', 'a00200a2', 'a00200a2']);
    expect(run.lines.map((l) => l.event)).toEqual(['released', 'unlocking', 'locked']);
  });

  it('`door pulse` without a port is a usage error (exit 2), and nothing is sent', async () => {
    const run = cli(['door', 'pulse', '--driver', 'lcus']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderr.join('\n')).toContain('cli.usage');
  });

  it("`door pulse` keeps the lock's 30 s cap, as the kiosk does: a longer pulse is refused and the relay never switches on", async () => {
    const p = await pty();
    const sim = new LcusSimulator(p.device);
    await sim.start();
    cleanups.push(() => sim.stop());
    const run = cli(['door', 'pulse', '--driver', 'lcus', '--port', p.host, '--ms', '40000', '--json']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderr.join('\n')).toContain('door.pulse-range');
    // Released when the lock opened and again when it closed; never on.
    await until(() => sim.frames.length === 2, 3000, 'frames');
    expect(sim.frames.map((f) => f.hex)).toEqual(['a00100a1', 'a00100a1']);
  });

  it('`door pulse` refuses a flag its driver does not take, naming the valid ones', async () => {
    const run = cli(['door', 'pulse', '--driver', 'lcus', '--port', '/dev/null', '--serial', 'QAAMZ']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderr.join('\n')).toMatch(/unknown option\(s\) "serial" for door-lock\/lcus.*valid options: .*port, baudRate, relay/);
  });

  it('`printer test --driver escpos` prints the Swedish test receipt in PC858', async () => {
    const p = await pty();
    const sim = new EscposSimulator(p.device);
    await sim.start();
    cleanups.push(() => sim.stop());
    const run = cli(['printer', 'test', '--driver', 'escpos', '--port', p.host, '--json']);
    expect((await run.exited).code).toBe(0);
    expect(run.lines[0]).toMatchObject({ printed: true, paper: 'ok' });
    await until(() => sim.items.some((i) => i.type === 'cut'), 3000, 'cut');
    const text = printedText(sim.items).map((l) => l.trim());
    expect(text).toContain('Räksmörgås: å ä ö Å Ä Ö');
    expect(text).toContain('Café Müller, avgift 10 €');
    // "Räksmörgås" in PC858: ä 84, ö 94, å 86.
    expect(Buffer.from(sim.raw).indexOf(Buffer.from([0x52, 0x84, 0x6b, 0x73, 0x6d, 0x94, 0x72, 0x67, 0x86, 0x73]))).toBeGreaterThan(0);
  });

  it('`card read --driver serial` prints each read as a JSON line and exits after --count', async () => {
    const p = await pty();
    const run = cli(['card', 'read', '--driver', 'serial', '--port', p.host, '--count', '2', '--timeout', '20']);
    await until(() => run.stderr.some((l) => l.includes('"ready"')), 15_000, 'reader ready');
    const scanner = await SerialLink.open({ path: p.device, baudRate: 9600 });
    cleanups.push(() => scanner.close());
    await scanner.write(new TextEncoder().encode('20001234\r\n12\r\n20005678\n'));
    expect((await run.exited).code).toBe(0);
    expect(run.lines.map((l) => [l.number, l.source])).toEqual([
      ['20001234', 'serial'],
      ['20005678', 'serial'],
    ]);
    expect(run.stderr.join('\n')).toContain('card.length');
  });

  it('`devices --json` lists what the machine has as JSON', async () => {
    const run = cli(['devices', '--json']);
    expect((await run.exited).code).toBe(0);
    const text = run.raw.join('\n');
    const list = JSON.parse(text) as { bus: string; path: string }[];
    expect(Array.isArray(list)).toBe(true);
    for (const d of list) expect(['serial', 'hid']).toContain(d.bus);
  });
});
