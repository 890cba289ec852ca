import type { RfidEvent, TagSeen } from '../../../shared/devices/rfid.ts';

/**
 * Debounces inventories into tag-added / tag-removed: a tag is added the
 * first time it is seen and removed only after `missesToRemove` inventories
 * in a row without it (tags at the edge of the field flicker).
 */
export class TagPresence {
  private readonly present = new Map<string, { tag: TagSeen; misses: number }>();

  constructor(private readonly missesToRemove: number) {}

  update(seen: readonly TagSeen[]): RfidEvent[] {
    const events: RfidEvent[] = [];
    const now = new Set(seen.map((t) => t.uid));
    for (const tag of seen) {
      const known = this.present.get(tag.uid);
      if (known) known.misses = 0;
      else {
        this.present.set(tag.uid, { tag, misses: 0 });
        events.push({ type: 'tag-added', tag });
      }
    }
    for (const [uid, entry] of this.present) {
      if (now.has(uid)) continue;
      entry.misses += 1;
      if (entry.misses >= this.missesToRemove) {
        this.present.delete(uid);
        events.push({ type: 'tag-removed', uid });
      }
    }
    return events;
  }

  get uids(): string[] {
    return [...this.present.keys()];
  }
}
