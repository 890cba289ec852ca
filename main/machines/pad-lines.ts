import type { ItemLine } from '../../shared/contract/session-view.ts';
import type { LibraryTag } from '../../shared/devices/rfid.ts';
import type { ItemOnPad } from './session-types.ts';

/** A line that follows the pad until it is processed (a set that is not ready is never processed). */
const followsPad = (l: ItemLine) => l.status === 'waiting' || l.status === 'incomplete' || l.reason === 'set-inconsistent';

/**
 * Pure bookkeeping of what lies on the pad and the item lines on screen:
 * tags are grouped into items (all parts of a set), an item becomes
 * "waiting" only when every part is there, and an item lifted before it
 * was processed simply disappears.
 */
export function placeTag(onPad: Readonly<Record<string, ItemOnPad>>, tag: LibraryTag): Record<string, ItemOnPad> {
  const current = onPad[tag.itemId];
  const part = { part: tag.partNumber, of: Math.max(tag.partsInSet, 1) };
  return { ...onPad, [tag.itemId]: { itemId: tag.itemId, tags: { ...(current?.tags ?? {}), [tag.uid]: part } } };
}

export function liftTag(onPad: Readonly<Record<string, ItemOnPad>>, uid: string): Record<string, ItemOnPad> {
  const out: Record<string, ItemOnPad> = {};
  for (const [id, item] of Object.entries(onPad)) {
    const { [uid]: _gone, ...tags } = item.tags;
    if (Object.keys(tags).length > 0) out[id] = { ...item, tags };
  }
  return out;
}

export const partsPresent = (item: ItemOnPad): number => new Set(Object.values(item.tags).map((t) => t.part)).size;
/** The largest set size any of its tags claims: never fewer parts than a tag says exist. */
export const partsInSet = (item: ItemOnPad): number => Math.max(...Object.values(item.tags).map((t) => t.of));
/** Tags of one item that disagree on the set's size: a mis-encoded or foreign tag; staff must look. */
export const isInconsistent = (item: ItemOnPad): boolean => new Set(Object.values(item.tags).map((t) => t.of)).size > 1;
export const isComplete = (item: ItemOnPad): boolean => !isInconsistent(item) && partsPresent(item) >= partsInSet(item);

/** Titles looked up so far: a string, or null when it cannot be known now (offline, not seen before). */
export type Titles = Readonly<Record<string, string | null>>;

/** Brings the lines in line with the pad: new items appear, unprocessed lifted items go, sets show their parts. */
export function syncLines(lines: readonly ItemLine[], onPad: Readonly<Record<string, ItemOnPad>>, titles: Titles = {}): ItemLine[] {
  const kept = lines.filter((l) => !followsPad(l) || onPad[l.itemId] !== undefined);
  const out = kept.map((l) => {
    const item = onPad[l.itemId];
    return item && followsPad(l) ? lineFor(item, l.key, titles) : l;
  });
  for (const item of Object.values(onPad)) {
    if (!out.some((l) => l.itemId === item.itemId)) out.push(lineFor(item, `${item.itemId}#${out.length}`, titles));
  }
  return out;
}

/** Puts a title that was looked up on the lines of that item that have none yet. */
export function titleLines(lines: readonly ItemLine[], itemId: string, title: string | null): ItemLine[] {
  return lines.map((l) => (l.itemId !== itemId || l.title ? l : withTitle(l, title)));
}

const withTitle = (line: ItemLine, title: string | null | undefined): ItemLine => {
  if (title) return { ...line, title };
  return title === null ? { ...line, titleUnknown: true } : line;
};

function lineFor(item: ItemOnPad, key: string, titles: Titles): ItemLine {
  const title = titles[item.itemId];
  if (isInconsistent(item)) return withTitle({ key, itemId: item.itemId, status: 'see-staff', reason: 'set-inconsistent' }, title);
  const parts = partsInSet(item);
  return withTitle(
    {
      key,
      itemId: item.itemId,
      status: isComplete(item) ? 'waiting' : 'incomplete',
      ...(parts > 1 ? { partsInSet: parts, partsPresent: partsPresent(item) } : {}),
    },
    title,
  );
}

export const nextWaiting = (lines: readonly ItemLine[]): ItemLine | undefined => lines.find((l) => l.status === 'waiting');

export function updateLine(lines: readonly ItemLine[], key: string, patch: Partial<ItemLine>): ItemLine[] {
  return lines.map((l) => (l.key === key ? ({ ...l, ...patch } as ItemLine) : l));
}
