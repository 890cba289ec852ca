import { Emitter, type Unsubscribe } from '../../shared/events.ts';

/**
 * The time the door's rules are judged at (opening hours, closing,
 * announcements). In a real install it is the wall clock and nothing can
 * move it; only demo mode gives the simulator panel a clock it can set.
 * Audit records (entry log, alarms, stats) never read this clock: they
 * always carry the real time.
 */
export interface ScheduleClock {
  now(): Date;
  /** The time jumped (demo mode): the door looks at its schedule again at once. */
  onJump?(listener: () => void): Unsubscribe;
}

export const wallClock: ScheduleClock = { now: () => new Date() };

/**
 * Demo mode's clock: the wall clock, or a time set from the simulator panel
 * that runs on from there. Created only by the composition root when
 * `demo: true`, so a real install has no clock a message could move.
 */
export class DemoClock implements ScheduleClock {
  private offsetMs = 0;
  private readonly jumps = new Emitter<{ jump: undefined }>();

  constructor(private readonly real: () => number = Date.now) {}

  now(): Date {
    return new Date(this.real() + this.offsetMs);
  }

  /** Sets the time (null: back to real time). */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - this.real() : 0;
    this.jumps.emit('jump', undefined);
  }

  onJump(listener: () => void): Unsubscribe {
    return this.jumps.on('jump', listener);
  }
}
