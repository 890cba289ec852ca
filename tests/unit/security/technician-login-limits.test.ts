import { beforeAll, describe, expect, it } from 'vitest';
import { RequestRouter, type Session } from '../../../main/hub/request-router.ts';
import { LoginThrottle, TECHNICIAN_LOGIN_POLICY, type ThrottleClock } from '../../../main/security/login-throttle.ts';
import { hashPin, verifyPin } from '../../../main/security/pin.ts';
import { silentLogger } from '../../../shared/logger.ts';

/**
 * Finding 2: technician log-in attempts are counted before scrypt runs,
 * per connection and overall, with a growing delay; never a global lock
 * that a patron can trip to keep staff out. The PIN is checked by the real
 * scrypt verifier; the test counts how often it actually ran.
 */
const RIGHT = '480216';
let stored: string;
beforeAll(async () => {
  stored = await hashPin(RIGHT);
});

/** A monotonic clock the test moves; waits either pass at once (advancing it) or are held until released. */
function fakeClock(mode: 'advance' | 'hold') {
  let t = 0;
  const waits: number[] = [];
  const held: (() => void)[] = [];
  const clock: ThrottleClock = {
    now: () => t,
    sleep: (ms) => {
      waits.push(ms);
      if (mode === 'advance') {
        t += ms;
        return Promise.resolve();
      }
      return new Promise((resolve) => held.push(resolve));
    },
  };
  return { clock, waits, held, pass: (ms: number) => (t += ms) };
}

function kiosk(mode: 'advance' | 'hold' = 'advance') {
  const time = fakeClock(mode);
  let checks = 0;
  const router = new RequestRouter(
    {},
    async (pin) => {
      checks++;
      return verifyPin(pin, stored);
    },
    silentLogger,
    new LoginThrottle(TECHNICIAN_LOGIN_POLICY, time.clock),
  );
  /** The reply's value (a login reply is always ok at the bridge level: the value says whether the PIN was right). */
  const login = (pin: string, session: Session = { technician: false }) =>
    router.handle('technician.login', { pin }, session).then((r) => (r.ok ? r.value : r.error) as Record<string, unknown>);
  return { login, checks: () => checks, time };
}

const guesses = (n: number) => Array.from({ length: n }, (_, i) => String(100000 + i));

describe('technician log-in: attempts counted before the hash is checked', () => {
  it('40 guesses sent at once on one connection: at most 5 are checked, the rest refused unchecked', async () => {
    const k = kiosk();
    const session: Session = { technician: false };
    const replies = await Promise.all(guesses(40).map((pin) => k.login(pin, session)));
    expect(k.checks()).toBe(TECHNICIAN_LOGIN_POLICY.perConnection);
    expect(replies.filter((r) => r.refused === 'connection-locked')).toHaveLength(35);
    expect(replies.filter((r) => r.ok === true)).toHaveLength(0);
    // Even the right PIN is not checked any more on this connection.
    expect(await k.login(RIGHT, session)).toMatchObject({ ok: false, refused: 'connection-locked' });
    expect(session.technician).toBe(false);
  });

  it('40 guesses at once on 40 connections: 5 checked, one waits its delay, the others are told when to come back', async () => {
    const k = kiosk('hold');
    const pending = guesses(40).map((pin) => k.login(pin));
    // Attempts are admitted in the order they arrive: 0-4 are checked, 5 waits, 6-39 are refused.
    const others = await Promise.all(pending.filter((_, i) => i !== 5));
    expect(k.checks()).toBe(TECHNICIAN_LOGIN_POLICY.freeFailures);
    expect(k.time.held).toHaveLength(1);
    const busy = others.filter((r) => (r as { refused?: string }).refused === 'busy');
    expect(busy).toHaveLength(34);
    expect(busy[0]).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(k.time.waits).toEqual([1000]);
    k.time.held[0]!();
    await Promise.all(pending);
    expect(k.checks()).toBe(TECHNICIAN_LOGIN_POLICY.freeFailures + 1);
  });

  it('the wait doubles with every wrong PIN overall, up to a minute', async () => {
    const k = kiosk();
    for (const pin of guesses(13)) await k.login(pin);
    expect(k.time.waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    expect(k.checks()).toBe(13);
  });

  it('is not a lock a patron can trip: after 15 wrong guesses staff still get in, after at most a minute', async () => {
    const k = kiosk();
    for (const pin of guesses(15)) await k.login(pin);
    const staff: Session = { technician: false };
    expect(await k.login(RIGHT, staff)).toEqual({ ok: true });
    expect(staff.technician).toBe(true);
    expect(Math.max(...k.time.waits)).toBe(TECHNICIAN_LOGIN_POLICY.maxDelayMs);
    // A right PIN clears the count: the next log-in waits for nothing.
    const before = k.time.waits.length;
    expect(await k.login(RIGHT)).toEqual({ ok: true });
    expect(k.time.waits.length).toBe(before);
  });

  it('wrong PINs older than the window no longer count', async () => {
    const k = kiosk();
    for (const pin of guesses(6)) await k.login(pin);
    expect(k.time.waits).toEqual([1000]);
    k.time.pass(TECHNICIAN_LOGIN_POLICY.windowMs);
    await k.login('999999');
    expect(k.time.waits).toEqual([1000]);
  });
});
