import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { Screen } from '../../shared/contract/view.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { ScreenSource } from './kiosk-shell.ts';

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * The smallest screen driver: attract -> identify, with the idle timeout
 * and its visible countdown. Used until a session machine is composed in,
 * and by door-only installs that have no self-service screens.
 */
export class IdleScreens implements ScreenSource {
  private screen: Screen = 'attract';
  private secondsLeft: number | undefined;
  private timer: unknown;
  private readonly changes = new Emitter<{ change: undefined; ended: undefined }>();

  constructor(
    private readonly idleSeconds: number,
    private readonly warningSeconds: number,
    private readonly clock: Clock = systemClock,
  ) {}

  current() {
    return { screen: this.screen, data: {}, ...(this.secondsLeft !== undefined ? { idleSecondsLeft: this.secondsLeft } : {}) };
  }

  onChange(listener: () => void): Unsubscribe {
    return this.changes.on('change', listener);
  }

  onSessionEnd(listener: () => void): Unsubscribe {
    return this.changes.on('ended', listener);
  }

  dispatch(event: UiEvent): void {
    if (event.type === 'ui.start' && this.screen === 'attract') this.screen = 'identify';
    else if ((event.type === 'ui.cancel' || event.type === 'session.end') && this.screen !== 'attract') {
      this.reset();
      return;
    }
    this.armIdle();
    this.changes.emit('change', undefined);
  }

  reset(): void {
    this.clock.clearTimeout(this.timer);
    if (this.screen !== 'attract') this.changes.emit('ended', undefined);
    this.screen = 'attract';
    this.secondsLeft = undefined;
    this.changes.emit('change', undefined);
  }

  private armIdle(): void {
    this.clock.clearTimeout(this.timer);
    this.secondsLeft = undefined;
    if (this.screen === 'attract') return;
    this.timer = this.clock.setTimeout(() => this.countdown(this.warningSeconds), (this.idleSeconds - this.warningSeconds) * 1000);
  }

  private countdown(left: number): void {
    if (left <= 0) {
      this.reset();
      return;
    }
    this.secondsLeft = left;
    this.changes.emit('change', undefined);
    this.timer = this.clock.setTimeout(() => this.countdown(left - 1), 1000);
  }
}
