import type { ItemLine } from '../../shared/contract/session-view.ts';
import type { LibraryTag } from '../../shared/devices/rfid.ts';
import type { ItemOnPad } from './session-types.ts';

/**
 * Pure bookkeeping of what lies on the pad and the item lines on screen:
 * tags are grouped into items (all parts of a set), an item becomes
 * "waiting" only when every part is there, and an item lifted before it
 * was processed simply disappears.
 */
export function placeTag(onPad: Readonly<Record<string, ItemOnPad>>, tag: LibraryTag): Record<string, ItemOnPad> {
  const current = onPad[tag.itemId];
  const parts = Math.max(tag.partsInSet, 1);
  return {
    ...onPad,
    [tag.itemId]: { itemId: tag.itemId, partsInSet: parts, tags: { ...(current?.tags ?? {}), [tag.uid]: tag.partNumber } },
  };
}

export function liftTag(onPad: Readonly<Record<string, ItemOnPad>>, uid: string): Record<string, ItemOnPad> {
  const out: Record<string, ItemOnPad> = {};
  for (const [id, item] of Object.entries(onPad)) {
    const { [uid]: _gone, ...tags } = item.tags;
    if (Object.keys(tags).length > 0) out[id] = { ...item, tags };
  }
  return out;
}

export const partsPresent = (item: ItemOnPad): number => new Set(Object.values(item.tags)).size;
export const isComplete = (item: ItemOnPad): boolean => partsPresent(item) >= item.partsInSet;

/** Brings the lines in line with the pad: new items appear, unprocessed lifted items go, sets show their parts. */
export function syncLines(lines: readonly ItemLine[], onPad: Readonly<Record<string, ItemOnPad>>): ItemLine[] {
  const kept = lines.filter((l) => (l.status !== 'waiting' && l.status !== 'incomplete' ? true : onPad[l.itemId] !== undefined));
  const out = kept.map((l) => {
    const item = onPad[l.itemId];
    if (!item || (l.status !== 'waiting' && l.status !== 'incomplete')) return l;
    return lineFor(item, l.key);
  });
  for (const item of Object.values(onPad)) {
    if (!out.some((l) => l.itemId === item.itemId)) out.push(lineFor(item, `${item.itemId}#${out.length}`));
  }
  return out;
}

function lineFor(item: ItemOnPad, key: string): ItemLine {
  const complete = isComplete(item);
  return {
    key,
    itemId: item.itemId,
    status: complete ? 'waiting' : 'incomplete',
    ...(item.partsInSet > 1 ? { partsInSet: item.partsInSet, partsPresent: partsPresent(item) } : {}),
  };
}

export const nextWaiting = (lines: readonly ItemLine[]): ItemLine | undefined => lines.find((l) => l.status === 'waiting');

export function updateLine(lines: readonly ItemLine[], key: string, patch: Partial<ItemLine>): ItemLine[] {
  return lines.map((l) => (l.key === key ? ({ ...l, ...patch } as ItemLine) : l));
}
