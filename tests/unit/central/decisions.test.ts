import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../main/central/sip2/codec/decode.ts';
import { parsePatronInformation } from '../../../main/central/sip2/codec/responses.ts';
import { borrowDecision, fineStatus, isPinValid } from '../../../main/central/sip2/decisions.ts';
import { genericProfile, kohaProfile } from '../../../main/central/sip2/profiles.ts';

/** A 64 response with the given 14 status flags and fields (layout per the SIP2 2.00 spec). */
const patron64 = (status: string, fields: string) =>
  parsePatronInformation(
    decodeMessage(new TextEncoder().encode(`64${status}00020261128    120000000000000000000000000000AOVAS|AA2300|AEAnna|${fields}`)),
  );

describe('patron decisions', () => {
  it('a valid PIN needs BL=Y and CQ=Y, and is never valid when empty (Koha may say CQ=Y to an empty PIN)', () => {
    const ok = patron64(' '.repeat(14), 'BLY|CQY|');
    expect(isPinValid(ok, '1234')).toBe(true);
    expect(isPinValid(ok, '')).toBe(false);
    expect(isPinValid(ok, undefined)).toBe(false);
    expect(isPinValid(patron64(' '.repeat(14), 'BLY|CQN|'), '1234')).toBe(false);
    expect(isPinValid(patron64(' '.repeat(14), 'BLN|CQY|'), '1234')).toBe(false);
  });

  it('hold privileges denied alone does not block borrowing; charge privileges denied does', () => {
    const holdOnly = patron64('   Y          ', 'BLY|CQY|');
    expect(borrowDecision(holdOnly, kohaProfile, undefined, '2026-11-28')).toEqual({ mayBorrow: true, reasons: [] });
    const charge = patron64('Y             ', 'BLY|CQY|');
    expect(borrowDecision(charge, kohaProfile, undefined, '2026-11-28')).toEqual({ mayBorrow: false, reasons: ['blocked'] });
  });

  it('fines over the limit block, at the limit do not; an expired card blocks', () => {
    expect(fineStatus(patron64(' '.repeat(14), 'BLY|BV250.00|CC200.00|BHSEK|'))).toMatchObject({
      amount: 250,
      limit: 200,
      overLimit: true,
    });
    expect(fineStatus(patron64(' '.repeat(14), 'BLY|BV200.00|CC200.00|')).overLimit).toBe(false);
    const r = patron64(' '.repeat(14), 'BLY|BV250,50|CC200|');
    expect(borrowDecision(r, genericProfile, undefined, '2026-11-28').reasons).toEqual(['fines']);
    expect(borrowDecision(patron64(' '.repeat(14), 'BLY|'), genericProfile, '20250101    000000', '2026-11-28').reasons).toEqual([
      'card-expired',
    ]);
  });

  it('an unknown patron may not borrow', () => {
    expect(borrowDecision(patron64('YYYY          ', 'BLN|'), kohaProfile, undefined, '2026-11-28').reasons).toContain('unknown-patron');
  });
});
