/**
 * Waiting in tests on a busy machine. CI and the shared development machine
 * run with other CPU hogs, where an answer a quiet machine gives in 5 ms can
 * take a second. Tests never assert on timing; they wait for what they expect,
 * with deadlines that only matter when it never comes.
 */

/** How many times slower than a quiet machine this one may be: OB_TEST_PATIENCE, default 5. */
export const PATIENCE = Math.max(1, Number(process.env.OB_TEST_PATIENCE ?? 5) || 5);

/**
 * A device or network timeout that a test expects to be met (an answer that
 * does come), scaled for a loaded machine. A timeout a test expects to expire
 * (nobody answers at all) needs no scaling: it passes however slow the machine.
 */
export const patient = (ms: number): number => Math.round(ms * PATIENCE);

/** Waits until `check()` holds (polling every 5 ms); fails naming `what` after patient(ms). */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + patient(ms);
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
