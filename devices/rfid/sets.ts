import type { LibraryTag } from '../../shared/devices/rfid.ts';

/** How one multi-part item (a set) stands on the pad. */
export interface SetStatus {
  readonly itemId: string;
  readonly isil?: string;
  readonly partsInSet: number;
  readonly present: readonly number[];
  readonly missing: readonly number[];
  /** Part numbers seen on more than one tag (a copied tag, or two copies of the set). */
  readonly duplicates: readonly number[];
  /** The tags disagree about the number of parts. */
  readonly inconsistent: boolean;
  readonly complete: boolean;
  readonly uids: readonly string[];
}

/** Groups the tags on the pad into items and says which are complete and which parts are missing. */
export function groupSets(tags: readonly LibraryTag[]): SetStatus[] {
  const groups = new Map<string, LibraryTag[]>();
  for (const tag of tags) {
    if (tag.model === 'blank' || tag.itemId === '') continue;
    const key = `${tag.isil ?? ''}\u0000${tag.itemId}`;
    groups.set(key, [...(groups.get(key) ?? []), tag]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const partsInSet = Math.max(...group.map((t) => t.partsInSet));
    const counts = new Map<number, number>();
    for (const t of group) counts.set(t.partNumber, (counts.get(t.partNumber) ?? 0) + 1);
    const present = [...counts.keys()].filter((p) => p >= 1 && p <= partsInSet).sort((a, b) => a - b);
    const missing = Array.from({ length: partsInSet }, (_, i) => i + 1).filter((p) => !counts.has(p));
    const inconsistent = group.some((t) => t.partsInSet !== partsInSet);
    return {
      itemId: first.itemId,
      ...(first.isil === undefined ? {} : { isil: first.isil }),
      partsInSet,
      present,
      missing,
      duplicates: [...counts].filter(([, n]) => n > 1).map(([p]) => p),
      inconsistent,
      complete: missing.length === 0 && !inconsistent,
      uids: group.map((t) => t.uid),
    };
  });
}
