import type { PassDirection } from '../../shared/devices/counter.ts';

/**
 * People inside: in - out, never below 0 (someone counted out who came in
 * before the count began, or a beam missed them on the way in). Set to 0
 * when the branch opens staffed: staff are there to see who is inside, and
 * a count drifting over nights would otherwise never come back.
 */
export class Occupancy {
  private count = 0;

  passed(direction: PassDirection): number {
    this.count = direction === 'in' ? this.count + 1 : Math.max(0, this.count - 1);
    return this.count;
  }

  reset(): void {
    this.count = 0;
  }

  get value(): number {
    return this.count;
  }
}
