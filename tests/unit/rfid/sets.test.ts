import { describe, expect, it } from 'vitest';
import { groupSets } from '../../../devices/rfid/sets.ts';
import type { LibraryTag } from '../../../shared/devices/rfid.ts';

const tag = (uid: string, itemId: string, partsInSet: number, partNumber: number, isil = 'SE-Ab12'): LibraryTag => ({
  uid,
  model: 'iso28560-3',
  usage: 'item',
  itemId,
  partsInSet,
  partNumber,
  isil,
});

describe('multi-part sets on the pad', () => {
  it('says which items are complete and which parts are missing', () => {
    const result = groupSets([tag('A', 'book', 1, 1), tag('B', 'audio', 3, 1), tag('C', 'audio', 3, 3)]);
    expect(result.find((s) => s.itemId === 'book')).toMatchObject({ complete: true, missing: [] });
    expect(result.find((s) => s.itemId === 'audio')).toMatchObject({ complete: false, present: [1, 3], missing: [2], uids: ['B', 'C'] });
  });

  it('flags duplicated parts and tags that disagree on the set size', () => {
    const [s] = groupSets([tag('A', 'dvd', 2, 1), tag('B', 'dvd', 2, 1), tag('C', 'dvd', 3, 2)]);
    expect(s).toMatchObject({ partsInSet: 3, duplicates: [1], missing: [3], inconsistent: true, complete: false });
  });

  it('keeps the same barcode of two libraries apart and ignores blank tags', () => {
    const blank: LibraryTag = { uid: 'Z', model: 'blank', usage: 'other', itemId: '', partsInSet: 1, partNumber: 1 };
    expect(groupSets([tag('A', 'x', 1, 1, 'SE-A'), tag('B', 'x', 1, 1, 'SE-B'), blank])).toHaveLength(2);
  });
});
