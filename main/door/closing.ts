import type { Schedule } from '../../shared/config/door.ts';
import { type BranchMode, modeAt, nextChangeMemo } from './schedule.ts';

export type ClosingAction =
  /** Say "the library closes in N minutes" (N rounded up), once per configured threshold. */
  | { readonly type: 'announce'; readonly minutes: number; readonly closesAt: string }
  /** The branch has just closed: lights off, alarm armed, evacuation check. */
  | { readonly type: 'closed' }
  /** The branch has just opened (from closed): lights on, alarm disarmed. */
  | { readonly type: 'opened' };

/**
 * Watches the opening schedule for the moments a closing needs: the
 * announcements before it and the change itself. `tick(now)` is called
 * every few seconds with the kiosk's clock and says what is due; it holds
 * only what it already announced, so a restart at 21:52 still announces
 * once ("closes in 8 minutes") and never repeats a threshold.
 */
export class ClosingWatch {
  private mode: BranchMode | undefined;
  private readonly announced = new Set<string>();
  private last: number | undefined;
  private readonly nextChange: ReturnType<typeof nextChangeMemo>;

  constructor(
    private readonly schedule: Schedule,
    private readonly timeZone: string,
    private readonly announceMinutes: readonly number[],
  ) {
    this.nextChange = nextChangeMemo(schedule, timeZone);
  }

  tick(now: Date): ClosingAction[] {
    const actions: ClosingAction[] = [];
    // A clock set back (demo mode's simulator clock) has not lived through the thresholds after it yet.
    if (this.last !== undefined && now.getTime() < this.last) this.announced.clear();
    this.last = now.getTime();
    const mode = modeAt(this.schedule, this.timeZone, now);
    if (this.mode !== undefined && mode !== this.mode) {
      if (mode === 'closed') actions.push({ type: 'closed' });
      else if (this.mode === 'closed') actions.push({ type: 'opened' });
    }
    this.mode = mode;
    if (mode === 'closed') return actions;
    const next = this.nextChange(now);
    if (next?.mode !== 'closed') return actions;
    const left = (next.at.getTime() - now.getTime()) / 60_000;
    const threshold = [...this.announceMinutes].sort((a, b) => a - b).find((m) => left <= m);
    const key = `${next.at.toISOString()}/${threshold}`;
    if (threshold !== undefined && left > 0 && !this.announced.has(key)) {
      this.announced.add(key);
      actions.push({ type: 'announce', minutes: Math.ceil(left), closesAt: next.at.toISOString() });
    }
    return actions;
  }
}
