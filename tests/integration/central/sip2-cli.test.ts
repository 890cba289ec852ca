import { describe, expect, it } from 'vitest';
import { checksum } from '../../../main/central/sip2/codec/checksum.ts';
import { runCli } from '../../support/cli.ts';

const run = (...args: string[]) => runCli(args);

// A checkout answer shaped like Koha's (C4/SIP), with a checksum computed over its bytes.
const body = '121NNY20261128    195001AOVAS|AA23000000000017|AB39000000000011|AJPippi Långstrump|AH20261226    195001|AY6AZ';
const withSum = body + checksum(new TextEncoder().encode(body));

describe('openbranch sip2 decode', () => {
  it('prints the message as JSON and exits 0 for a valid checksum', async () => {
    const r = await run('sip2', 'decode', withSum);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ code: '12', name: 'Checkout Response', sequence: 6, checksumValid: true });
    expect(json.fieldsByName).toMatchObject({ titleIdentifier: 'Pippi Långstrump' });
  });

  it('exits 1 when the checksum is wrong', async () => {
    const wrong = withSum.slice(0, -1) + (withSum.endsWith('0') ? '1' : '0');
    expect((await run('sip2', 'decode', wrong)).status).toBe(1);
  });

  it('exits 2 with a clear error when the message is malformed', async () => {
    const r = await run('sip2', 'decode', 'X1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('malformed SIP2 message');
  });
});

describe('openbranch sip2 talking to a server', () => {
  it('reads a patron and an item from the embedded demo ACS over SIP2', async () => {
    const patron = await run('sip2', 'patron', '23000000000017', '--pin', '1234');
    expect(patron.status).toBe(0);
    expect(JSON.parse(patron.stdout)).toMatchObject({ name: 'Anna Lindqvist', pinValid: true });
    const item = await run('sip2', 'item', '39000000000052');
    expect(JSON.parse(item.stdout)).toMatchObject({ title: 'Utvandrarna (ljudbok, 3 cd)', circulation: 'available' });
  });

  it('says clearly when the server cannot be reached', async () => {
    const r = await run('sip2', 'probe', '--host', '127.0.0.1', '--port', '9', '--user', 'x', '--password', 'y');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot connect to 127\.0\.0\.1:9/);
  });
});
