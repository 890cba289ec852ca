import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeResult } from '../../../shared/input/wedge-detector.ts';

const feed = (d: WedgeDetector, keys: string, start: number, gapMs: number): WedgeResult[] =>
  [...keys, 'Enter'].map((k, i) => d.feed(k, start + i * gapMs));

describe('WedgeDetector', () => {
  it('turns a fast, even burst ending in Enter into a card number', () => {
    const d = new WedgeDetector();
    const results = feed(d, '20001234', 1000, 8);
    expect(results.at(-1)).toEqual({ type: 'card', number: '20001234' });
    expect(results.slice(0, -1).every((r) => r.type === 'pending')).toBe(true);
  });

  it('does not take a person typing the same number for a card', () => {
    const d = new WedgeDetector();
    expect(feed(d, '20001234', 1000, 180).at(-1)).toEqual({ type: 'ignored' });
  });

  it('restarts the burst after a pause, so slow keys before a swipe do not stick to it', () => {
    const d = new WedgeDetector();
    d.feed('x', 0);
    d.feed('y', 500);
    expect(feed(d, '555666', 2000, 10).at(-1)).toEqual({ type: 'card', number: '555666' });
  });

  it('refuses short bursts, keys no card contains, and a late Enter', () => {
    const d = new WedgeDetector();
    expect(feed(d, '12', 0, 5).at(-1)).toEqual({ type: 'ignored' });
    expect(d.feed('Shift', 100)).toEqual({ type: 'ignored' });
    for (const [i, k] of [...'12345'].entries()) d.feed(k, 200 + i * 5);
    expect(d.feed('Enter', 1000)).toEqual({ type: 'ignored' });
  });

  it('gives up on a burst longer than any card', () => {
    const d = new WedgeDetector({ maxLength: 5 });
    const results = [...'123456'].map((k, i) => d.feed(k, i * 5));
    expect(results.at(-1)).toEqual({ type: 'ignored' });
  });
});
