import type { DoorConfig } from '../../shared/config/door.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import type { DoorDecision } from '../machines/door-entry.ts';
import type { PinAttempts, PinVerdict } from '../security/pin-attempts.ts';
import { decideEntry } from './decide.ts';
import type { EntryCache } from './entry-cache.ts';
import { clockTimeAfter } from './schedule.ts';

export interface GuardedDecisionDeps {
  readonly rules: DoorConfig;
  readonly timeZone: string;
  readonly central: CentralSystem;
  readonly cache?: EntryCache | undefined;
  /** The patron PIN attempt limit shared with the self-service screens (undefined: none, tests only). */
  readonly attempts?: PinAttempts | undefined;
}

/**
 * The door's decision behind the shared PIN attempt limit: the attempt is
 * counted before the PIN is checked (online or against the entry cache); a
 * card over the limit is refused without asking anyone, with the time it
 * may try again.
 */
export async function guardedDecision(d: GuardedDecisionDeps, card: string, pin: string, at: Date): Promise<DoorDecision> {
  const ask = () => decideEntry({ central: d.central, rules: d.rules, timeZone: d.timeZone, card, pin, at, cache: d.cache });
  if (!d.attempts || pin === '') return ask();
  const guarded = await d.attempts.guard(card, ask, pinVerdict);
  // The wrong PIN that reached the limit already says so, and until when.
  const until = guarded.ok ? guarded.lockedUntil : guarded.retryAt;
  if (guarded.ok && until === undefined) return guarded.value;
  return { grant: false, reason: 'locked-out', retryAt: clockTimeAfter(until!, d.timeZone) };
}

/** What a door decision showed about the PIN: only a PIN the system (or the cache) compared counts either way. */
function pinVerdict(decision: DoorDecision): PinVerdict {
  if (decision.grant) return 'right';
  if (decision.reason === 'wrong-pin') return 'wrong';
  // Not compared: no PIN, an unknown card, the system unreachable and the patron not cached, an error.
  if (['empty-pin', 'unknown-patron', 'offline', 'error'].includes(decision.reason)) return 'unchecked';
  // Every other refusal (hours, permission, blocks, ...) comes after a PIN found right.
  return 'right';
}
