import type { DoorConfig } from '../../shared/config/door.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import { isTransient } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { isStaff, standingDenial } from './eligibility.ts';
import type { EntryCache } from './entry-cache.ts';
import { localTime } from './schedule.ts';
import { type Ticker, wallTicker } from './ticker.ts';

const MINUTE = 60_000;

export interface RefreshRound {
  readonly checked: number;
  readonly dropped: number;
}

/**
 * Re-checks the offline entry cache against the central system while it
 * answers: every minute, the patrons not asked about for `everyMinutes`
 * (oldest first, at most `perMinute` of them) are looked up without a PIN;
 * one the central system no longer stands behind (unknown, blocked, lost,
 * permission withdrawn, ...) is dropped, the others keep their place with
 * their standing refreshed. So a card revoked in the library system is
 * refused at the door within `everyMinutes`, even if the network goes down
 * afterwards.
 */
export class CacheRefresh {
  private running: Promise<RefreshRound> | undefined;
  private stopTicking: (() => void) | undefined;

  constructor(
    private readonly cache: EntryCache,
    private readonly central: CentralSystem,
    private readonly rules: DoorConfig,
    private readonly timeZone: string,
    private readonly logger: Logger,
    private readonly clock: Ticker = wallTicker,
  ) {}

  start(): void {
    this.stopTicking ??= this.clock.every(MINUTE, () => void this.round());
  }

  stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  /** One round (also what each minute's tick runs); a round still under way is joined, not doubled. */
  round(): Promise<RefreshRound> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<RefreshRound> {
    const { everyMinutes, perMinute } = this.rules.offlineEntry.refresh;
    let checked = 0;
    let dropped = 0;
    if (this.central.health() === 'offline') return { checked, dropped };
    const now = this.clock.now();
    const today = localTime(new Date(now), this.timeZone).date;
    const results: { card: string; stands: boolean; staff: boolean }[] = [];
    try {
      for (const card of this.cache.due(now - everyMinutes * MINUTE, perMinute)) {
        try {
          const patron = await this.central.patronInformation(card, undefined, { brief: true });
          const stands = standingDenial(patron, this.rules, today) === undefined;
          results.push({ card, stands, staff: isStaff(patron, this.rules) });
          if (!stands) this.cache.forget(card); // at once: a refusal must not wait for the rest of the round
        } catch (e) {
          // The link went: the rest wait for the next round. Anything else: this patron is asked again next round.
          if (isTransient(e)) break;
          this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'entry cache re-check failed for one patron');
        }
      }
    } finally {
      this.cache.confirm(results.filter((r) => r.stands));
      checked = results.length;
      dropped = results.filter((r) => !r.stands).length;
    }
    if (dropped > 0) this.logger.info({ checked, dropped }, 'entry cache re-checked: patrons the library system no longer allows dropped');
    return { checked, dropped };
  }
}
