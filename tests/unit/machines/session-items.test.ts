import { describe, expect, it } from 'vitest';
import { KioskUnderTest } from './session-harness.ts';

describe('check-out and return share one per-item loop', () => {
  it('a return goes to the central system as a checkin and a loan as a checkout, each item once', async () => {
    const kiosk = new KioskUnderTest();
    await kiosk.open();
    try {
      await kiosk.do({ type: 'PLACE_RETURN' }); // laid on the pad at the start screen: a return
      // A return made without a card ends like a loan: the receipt question, the closing screen, then the start.
      await kiosk.do({ type: 'DONE' });
      await kiosk.do({ type: 'SKIP' });
      await kiosk.do({ type: 'END' });
      expect(kiosk.screen()).toBe('attract');
      await kiosk.do({ type: 'CARD' });
      await kiosk.do({ type: 'PIN_RIGHT' });
      await kiosk.do({ type: 'CHECKOUT' });
      await kiosk.do({ type: 'PLACE_LOANABLE' });
      expect(kiosk.central.applied.map((a) => `${a.kind} ${a.item}`)).toEqual(['checkin IT1', 'checkout IT2']);
      expect(kiosk.screen()).toBe('checkout');
    } finally {
      kiosk.stop();
    }
  });
});
