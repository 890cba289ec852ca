import type { PassDirection } from '../../shared/devices/counter.ts';

/** More people came in than were let in during one door cycle. */
export interface TailgateEvent {
  /** When the cycle began (the grant, or the first entry without one). */
  readonly at: Date;
  /** The entry log's key of the card that opened; undefined when no card opened (staff unlock, door held by someone leaving). */
  readonly cardHash: string | undefined;
  readonly entries: number;
  readonly grants: number;
  /** entries - grants */
  readonly followers: number;
}

interface Cycle {
  readonly at: Date;
  readonly cardHash: string | undefined;
  grants: number;
  entries: number;
  /** After the door closed: the cycle ends once people still in the beams have been counted. */
  endsAt: number | undefined;
  lastActivity: number;
}

/**
 * Counts entries per door cycle. A cycle begins with a grant (or with an
 * entry while none is open) and ends `settleMs` after the door closes,
 * so someone still walking through the beams as it shuts is counted in it;
 * with no door contact, `idleMs` after the last grant or entry. Grants
 * during one cycle add up (two cards, two people). Pure: the controller
 * feeds it events and the time.
 */
export class DoorCycles {
  private cycle: Cycle | undefined;

  constructor(private readonly timing: { readonly settleMs: number; readonly idleMs: number }) {}

  /** A grant (patron, staff card, or a remote unlock with no card). */
  grant(at: Date, cardHash: string | undefined): TailgateEvent | undefined {
    const ended = this.tick(at);
    if (this.cycle) {
      this.cycle.grants += 1;
      this.cycle.endsAt = undefined;
      this.cycle.lastActivity = at.getTime();
    } else this.cycle = { at, cardHash, grants: 1, entries: 0, endsAt: undefined, lastActivity: at.getTime() };
    return ended;
  }

  /** A person passed the counter. Returns true when this one came in beyond the grants (camera moment). */
  passed(direction: PassDirection, at: Date): { follower: boolean; ended: TailgateEvent | undefined } {
    const ended = this.tick(at);
    if (direction === 'out') return { follower: false, ended };
    this.cycle ??= { at, cardHash: undefined, grants: 0, entries: 0, endsAt: undefined, lastActivity: at.getTime() };
    this.cycle.entries += 1;
    this.cycle.lastActivity = at.getTime();
    return { follower: this.cycle.entries > this.cycle.grants, ended };
  }

  doorOpened(at: Date): void {
    if (this.cycle) {
      this.cycle.endsAt = undefined;
      this.cycle.lastActivity = at.getTime();
    }
  }

  doorClosed(at: Date): void {
    if (this.cycle) this.cycle.endsAt = at.getTime() + this.timing.settleMs;
  }

  /** Ends the cycle when its time is up; a tailgate when more came in than were let in. */
  tick(at: Date): TailgateEvent | undefined {
    const c = this.cycle;
    if (!c) return undefined;
    const now = at.getTime();
    const over = c.endsAt !== undefined ? now >= c.endsAt : now >= c.lastActivity + this.timing.idleMs;
    if (!over) return undefined;
    this.cycle = undefined;
    if (c.entries <= c.grants) return undefined;
    return { at: c.at, cardHash: c.cardHash, entries: c.entries, grants: c.grants, followers: c.entries - c.grants };
  }

  /** Whether a cycle is open (tests, the view). */
  open(): boolean {
    return this.cycle !== undefined;
  }
}
