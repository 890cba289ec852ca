import type { PassDirection } from '../../../shared/devices/counter.ts';

/**
 * Direction from two light beams across the doorway, A on the outside and
 * B on the inside: someone coming in breaks A, then B, and clears A, then
 * B. A crossing starts when a beam breaks with both clear and ends when both
 * are clear again; it counts `in` when A broke first and B cleared last,
 * `out` for the mirror image, and nothing when the person turned back
 * (first broken = last cleared) or only one beam was ever broken. Pure: fed
 * beam levels, returns the passes they complete.
 */
export class BeamDirection {
  private readonly blocked = { a: false, b: false };
  private first: 'a' | 'b' | undefined;
  private both = false;

  /** `beam` is blocked (true) or clear (false). */
  push(beam: 'a' | 'b', blocked: boolean): PassDirection | undefined {
    if (this.blocked[beam] === blocked) return undefined;
    this.blocked[beam] = blocked;
    if (blocked) {
      this.first ??= beam;
      if (this.blocked.a && this.blocked.b) this.both = true;
      return undefined;
    }
    if (this.blocked.a || this.blocked.b) return undefined;
    // Both clear: the crossing is over; `beam` is the one cleared last.
    const first = this.first;
    const crossed = this.both && first !== undefined && first !== beam;
    this.first = undefined;
    this.both = false;
    if (!crossed) return undefined;
    return first === 'a' ? 'in' : 'out';
  }
}

/**
 * A commercial counter's pulse outputs: one pulse (contact closing) per
 * person on the `in` line or the `out` line. Counts rising edges only, so a
 * level reported twice (a board's answer to `?`) is not a second person.
 */
export class PulseEdges {
  private readonly level = { in: false, out: false };

  push(line: PassDirection, active: boolean): PassDirection | undefined {
    const rising = active && !this.level[line];
    this.level[line] = active;
    return rising ? line : undefined;
  }
}
