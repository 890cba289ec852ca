import { describe, expect, it } from 'vitest';
import { readMainMessage } from '../../../renderer/src/bridge/main-message.ts';

// The page trusts its kiosk's messages (main checks everything the page sends, and the tests that watch
// the bridge check everything main sends), but drops what is no message of a kind it draws.
describe('the page reads a message from main', () => {
  it('takes each kind of message the contract has', () => {
    const messages = [
      { type: 'view', view: { screen: 'attract', language: 'sv', data: {} } },
      { type: 'door', view: { step: 'idle' } },
      { type: 'simulator', state: { cards: [] } },
      { type: 'reply', id: 3, result: { ok: true, value: 1 } },
      { type: 'refused', reason: 'schema' },
    ];
    for (const m of messages) expect(readMainMessage(JSON.stringify(m))).toEqual(m);
  });

  it('drops what is not JSON, not an object, an unknown kind, or a kind without what it carries', () => {
    for (const raw of [
      'not json',
      '[1,2]',
      'null',
      '"view"',
      JSON.stringify({ type: 'toString' }),
      JSON.stringify({ type: 'hello', protocol: 1 }),
      JSON.stringify({ type: 'view' }),
      JSON.stringify({ type: 'view', view: { screen: 7 } }),
      JSON.stringify({ type: 'reply', id: '1', result: {} }),
      JSON.stringify({ type: 'refused' }),
    ])
      expect(readMainMessage(raw), raw).toBeUndefined();
  });
});
