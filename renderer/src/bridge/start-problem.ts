/** Why the kiosk page has no view: for the technician standing in front of it. */
export type StartProblem = 'noToken' | 'badToken' | 'unreachable';

/**
 * Asks the web host why its socket refused us (the socket itself only
 * says "closed"): 401 no token in the address, 403 a wrong one (the kiosk
 * restarted with a new token), anything else or no answer: not reachable.
 */
export async function diagnoseStart(token: string, fetchFn: typeof fetch = fetch): Promise<StartProblem | undefined> {
  if (token === '') return 'noToken';
  try {
    const res = await fetchFn(`/bridge?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
    if (res.status === 401) return 'noToken';
    if (res.status === 403) return 'badToken';
    return res.status === 426 ? undefined : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
