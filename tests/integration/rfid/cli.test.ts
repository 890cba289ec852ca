import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedPad } from '../../../devices/rfid/index.ts';
import { FeigSimulator } from '../../../devices/rfid/readers/feig/simulator.ts';
import { SerialLink } from '../../../devices/serial/link.ts';
import { type PtyPair, startPtyPair } from './socat.ts';

const BIN = join(import.meta.dirname, '../../../main/cli/bin.mjs');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 70) : 0, stdout, stderr });
    });
  });
}

describe('openbranch rfid', () => {
  let dir: string;
  let pty: PtyPair;
  let simLink: SerialLink;
  const pad = new SimulatedPad();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ob-rfid-cli-'));
    pty = await startPtyPair(dir);
    simLink = await SerialLink.open({ path: pty.b, baudRate: 38400, parity: 'even' });
    new FeigSimulator(simLink, pad);
  });

  afterAll(async () => {
    await simLink.close();
    await pty.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decode prints the tag as JSON, or the reason with exit 1', async () => {
    // libdanrfid's sample basic block (github.com/GallusMax/libdanrfid, DDMDataTest.java).
    const ok = await cli('rfid', 'decode', '11010131313232333334340000000000000000513e4445373035000000000000');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      model: 'iso28560-3',
      variant: 'standard',
      crcValid: true,
      fields: { itemId: '11223344' },
    });
    const bad = await cli('rfid', 'decode', '11010131313232333334340000000000000000513e4445373035000000000001');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, reason: 'codec.iso28560-3.crc' });
  });

  it('write programs a blank tag, scan lists it, release flips its AFI', async () => {
    const uid = pad.place({});
    const port = ['--driver', 'feig', '--port', pty.a];
    const written = await cli(
      'rfid',
      'write',
      ...port,
      '--uid',
      uid,
      '--item-id',
      '30012000555',
      '--parts',
      '2',
      '--part',
      '2',
      '--isil',
      'SE-Ab12',
    );
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ uid, confirmed: true });
    const scan = await cli('rfid', 'scan', ...port);
    expect(scan.code).toBe(0);
    expect(
      scan.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      expect.objectContaining({ uid, itemId: '30012000555', partsInSet: 2, partNumber: 2, isil: 'SE-Ab12', model: 'iso28560-3' }),
    ]);
    const released = await cli('rfid', 'release', ...port, '--uid', uid);
    expect(released.code).toBe(0);
    expect(JSON.parse(released.stdout)).toEqual({ uid, requested: 'released', confirmed: true });
    expect(pad.get(uid)?.afi).toBe(0xc2);
  });

  it('fails with exit 2 when the port does not exist', async () => {
    const missing = await cli('rfid', 'scan', '--driver', 'feig', '--port', join(dir, 'nothing'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('device.missing');
  });
});
