import { describe, expect, it } from 'vitest';
import { liftTag, nextWaiting, placeTag, syncLines } from '../../../main/machines/pad-lines.ts';
import type { ItemOnPad } from '../../../main/machines/session-types.ts';
import type { ItemLine } from '../../../shared/contract/session-view.ts';
import type { LibraryTag } from '../../../shared/devices/rfid.ts';

const tag = (uid: string, itemId: string, part: number, of: number): LibraryTag => ({
  uid,
  model: 'iso28560-3',
  usage: 'item',
  itemId,
  partNumber: part,
  partsInSet: of,
});

function run(steps: Array<{ place: LibraryTag } | { lift: string } | { processed: string }>) {
  let onPad: Record<string, ItemOnPad> = {};
  let lines: ItemLine[] = [];
  for (const s of steps) {
    if ('place' in s) onPad = placeTag(onPad, s.place);
    else if ('lift' in s) onPad = liftTag(onPad, s.lift);
    else lines = lines.map((l) => (l.itemId === s.processed ? { ...l, status: 'done' } : l));
    lines = syncLines(lines, onPad);
  }
  return lines;
}

describe('pad lines: what lies on the pad becomes lines on screen', () => {
  it('a three-part set waits until all three parts are there', () => {
    const two = run([{ place: tag('a', 'X', 1, 3) }, { place: tag('b', 'X', 2, 3) }]);
    expect(two).toMatchObject([{ itemId: 'X', status: 'incomplete', partsInSet: 3, partsPresent: 2 }]);
    expect(nextWaiting(two)).toBeUndefined();
    const three = run([{ place: tag('a', 'X', 1, 3) }, { place: tag('b', 'X', 2, 3) }, { place: tag('c', 'X', 3, 3) }]);
    expect(three).toMatchObject([{ itemId: 'X', status: 'waiting' }]);
  });

  it('tags of one item that disagree on the set size go to staff, never to a checkout', () => {
    const lines = run([{ place: tag('a', 'X', 1, 1) }, { place: tag('b', 'X', 2, 2) }]);
    expect(lines).toEqual([{ key: expect.any(String), itemId: 'X', status: 'see-staff', reason: 'set-inconsistent' }]);
    expect(nextWaiting(lines)).toBeUndefined();
    // The odd tag lifted away: the item is whole again and may be processed.
    expect(run([{ place: tag('a', 'X', 1, 1) }, { place: tag('b', 'X', 2, 2) }, { lift: 'b' }])).toMatchObject([
      { itemId: 'X', status: 'waiting' },
    ]);
  });

  it('a processed item stays processed when a disagreeing tag turns up later: no second line, no second checkout', () => {
    const lines = run([{ place: tag('a', 'X', 1, 1) }, { processed: 'X' }, { place: tag('b', 'X', 1, 2) }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ itemId: 'X', status: 'done' });
    expect(nextWaiting(lines)).toBeUndefined();
  });

  it('an item lifted before it was processed simply disappears', () => {
    expect(run([{ place: tag('a', 'X', 1, 1) }, { place: tag('b', 'Y', 1, 1) }, { lift: 'a' }])).toMatchObject([{ itemId: 'Y' }]);
  });
});
