import { describe, expect, it } from 'vitest';
import { cuesFor } from '../../../renderer/src/sound/cues.ts';
import type { ItemLine } from '../../../shared/contract/session-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';

const view = (items: ItemLine[], extra: Partial<KioskView> = {}, error?: string): KioskView => ({
  screen: 'checkout',
  language: 'sv',
  branch: { id: 'VAS', name: 'Västerås' },
  central: 'online',
  devices: [],
  sounds: true,
  data: { items, ...(error ? { error } : {}) },
  ...extra,
});
const line = (key: string, status: ItemLine['status']): ItemLine => ({ key, itemId: key, status });

describe('sound cues (which change deserves which sound)', () => {
  it('chimes once per item that reaches an outcome, not again when nothing changed', () => {
    const waiting = view([line('a', 'waiting'), line('b', 'waiting')]);
    const oneDone = view([line('a', 'done'), line('b', 'processing')]);
    const bothOut = view([line('a', 'done'), line('b', 'refused')]);
    expect(cuesFor(waiting, oneDone)).toEqual(['success']);
    expect(cuesFor(oneDone, bothOut)).toEqual(['refused']);
    expect(cuesFor(bothOut, bothOut)).toEqual([]);
  });

  it('a set with a part missing and an item for staff call for attention', () => {
    expect(cuesFor(view([]), view([line('a', 'incomplete'), line('b', 'see-staff')]))).toEqual(['attention', 'attention']);
  });

  it('a new refusal of the patron (wrong PIN) sounds, the same one repeated in the same screen does not', () => {
    const pin = view([], { screen: 'pin' });
    const wrong = view([], { screen: 'pin' }, 'wrong-pin');
    expect(cuesFor(pin, wrong)).toEqual(['refused']);
    expect(cuesFor(wrong, { ...wrong })).toEqual([]);
  });

  it('the idle warning appearing calls for attention once', () => {
    const warned = view([], { idleSecondsLeft: 10 });
    expect(cuesFor(view([]), warned)).toEqual(['attention']);
    expect(cuesFor(warned, view([], { idleSecondsLeft: 9 }))).toEqual([]);
  });
});
