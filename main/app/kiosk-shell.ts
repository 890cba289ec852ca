import type { Language } from '../../shared/config/branch.ts';
import type { KioskConfig } from '../../shared/config/schema.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { DeviceView, KioskView, Screen } from '../../shared/contract/view.ts';
import type { CentralHealth } from '../../shared/domain/central.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { KioskCore } from '../core/ports.ts';

/** Whatever drives the screens (the session machine once composed); the shell owns language, status and idle. */
export interface ScreenSource {
  current(): { screen: Screen; data: Record<string, unknown>; idleSecondsLeft?: number };
  onChange(listener: () => void): Unsubscribe;
  dispatch(event: UiEvent): void;
  /** Back to the attract screen (idle timeout, language reset). */
  reset(): void;
}

export interface ShellOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly screens: ScreenSource;
}

/**
 * The kiosk as the hosts see it: merges the screen driver's state with
 * the kiosk-wide parts of the view (language, central health, devices)
 * and publishes one view on every change.
 */
export class KioskShell implements KioskCore {
  private language: Language;
  private central: CentralHealth = 'online';
  private devices: DeviceView[] = [];
  private notice: KioskView['notice'];
  private announcement: { minutes: number; id: number } | undefined;
  private announcementTimer: NodeJS.Timeout | undefined;
  private readonly views = new Emitter<{ view: KioskView }>();
  private readonly stop: Unsubscribe;

  constructor(private readonly options: ShellOptions) {
    this.language = options.config.branch.language;
    this.stop = options.screens.onChange(() => {
      if (options.screens.current().screen === 'attract') this.language = options.config.branch.language;
      this.publish();
    });
  }

  view(): KioskView {
    const { screen, data, idleSecondsLeft } = this.options.screens.current();
    return {
      screen,
      language: this.language,
      branch: { id: this.options.config.branch.id, name: this.options.config.branch.name },
      central: this.central,
      devices: this.devices,
      sounds: this.options.config.policies.sounds,
      ...(idleSecondsLeft !== undefined ? { idleSecondsLeft } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      ...(this.announcement ? { announcement: this.announcement } : {}),
      data,
    };
  }

  onView(listener: (view: KioskView) => void): Unsubscribe {
    return this.views.on('view', listener);
  }

  dispatch(event: UiEvent): void {
    if (event.type === 'ui.language') {
      this.language = event.language;
      this.publish();
      return;
    }
    this.options.screens.dispatch(event);
  }

  setCentral(health: CentralHealth): void {
    if (health === this.central) return;
    this.central = health;
    this.notice = health === 'offline' ? { key: 'notice.offline' } : undefined;
    this.publish();
  }

  /** A closing announcement: shown (and said) on the self-service screen for a minute. */
  announce(minutes: number): void {
    clearTimeout(this.announcementTimer);
    this.announcement = { minutes, id: (this.announcement?.id ?? 0) + 1 };
    this.announcementTimer = setTimeout(() => {
      this.announcement = undefined;
      this.publish();
    }, 60_000);
    this.announcementTimer.unref();
    this.publish();
  }

  setDevices(devices: DeviceView[]): void {
    this.devices = devices;
    this.publish();
  }

  dispose(): void {
    clearTimeout(this.announcementTimer);
    this.stop();
    this.views.clear();
  }

  private publish(): void {
    this.views.emit('view', this.view());
  }
}
