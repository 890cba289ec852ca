import type { KioskConfig } from '../../shared/config/schema.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { DeviceView, KioskView, Screen } from '../../shared/contract/view.ts';
import type { CentralHealth } from '../../shared/domain/central.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { KioskCore } from '../core/ports.ts';
import { isPrefEvent, SessionPrefsHolder } from './session-prefs.ts';

/** Whatever drives the screens (the session machine once composed); the shell owns language, status and idle. */
export interface ScreenSource {
  current(): { screen: Screen; data: Record<string, unknown>; idleSecondsLeft?: number };
  onChange(listener: () => void): Unsubscribe;
  dispatch(event: UiEvent): void;
  /** Back to the attract screen (idle timeout). */
  reset(): void;
  /** A patron's session ended (the End button, the card taken away, the idle timeout): the next patron starts afresh. */
  onSessionEnd(listener: () => void): Unsubscribe;
}

export interface ShellOptions {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly screens: ScreenSource;
  /** The central system's health until told otherwise (default online); the first value shows no notice. */
  readonly central?: CentralHealth;
}

/**
 * The kiosk as the hosts see it: merges the screen driver's state with
 * the kiosk-wide parts of the view (language, central health, devices)
 * and publishes one view on every change.
 */
export class KioskShell implements KioskCore {
  private readonly prefs: SessionPrefsHolder;
  private central: CentralHealth;
  private devices: DeviceView[] = [];
  private notice: KioskView['notice'];
  private announcement: { minutes: number; id: number } | undefined;
  private announcementTimer: NodeJS.Timeout | undefined;
  private readonly views = new Emitter<{ view: KioskView }>();
  private readonly stop: Unsubscribe;

  constructor(private readonly options: ShellOptions) {
    const { branch, policies } = options.config;
    this.central = options.central ?? 'online';
    this.prefs = new SessionPrefsHolder(branch.language, policies.idleTimeoutSeconds * 1000, () => this.publish());
    const stopChanges = options.screens.onChange(() => {
      if (options.screens.current().screen !== 'attract') this.prefs.keep();
      this.publish();
    });
    // Reset when the session ends, not whenever the start screen shows: a language chosen right after the end is the next patron's.
    const stopEnds = options.screens.onSessionEnd(() => this.prefs.reset());
    this.stop = () => {
      stopChanges();
      stopEnds();
    };
  }

  view(): KioskView {
    const { screen, data, idleSecondsLeft } = this.options.screens.current();
    const branch = this.options.config.branch;
    return {
      screen,
      language: this.prefs.language,
      prefs: this.prefs.prefs,
      branch: { id: branch.id, name: branch.name, language: branch.language, timeZone: branch.timezone, contact: branch.contact },
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
    if (isPrefEvent(event)) {
      this.prefs.apply(event, this.options.screens.current().screen === 'attract');
      return;
    }
    this.options.screens.dispatch(event);
  }

  setCentral(health: CentralHealth): void {
    if (health === this.central) return;
    this.central = health;
    this.notice = health === 'offline' ? { key: offlineNotice(this.options.config.offline) } : undefined;
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
    this.prefs.dispose();
    this.stop();
    this.views.clear();
  }

  private publish(): void {
    this.views.emit('view', this.view());
  }
}

/** What still works while the central system is away, as the branch's offline policy has it: the banner must not promise more or less. */
export function offlineNotice(policy: KioskConfig['offline']): string {
  if (policy.checkout && policy.acceptReturns) return 'notice.offline.borrowAndReturn';
  if (policy.acceptReturns) return 'notice.offline.returnOnly';
  if (policy.checkout) return 'notice.offline.borrowOnly';
  return 'notice.offline.nothing';
}
