import type { CentralHealth } from '../../../shared/domain/central.ts';
import type { RequestHandlers } from '../request-router.ts';

export interface CentralFacts {
  health(): CentralHealth;
  /** host:port of the SIP2 server, " (TLS)" when encrypted; never the login. */
  readonly address: string;
  /** The embedded demo central system. */
  readonly demo: boolean;
  readonly profile: string;
  lastRoundTripMs(): number | undefined;
}

/** central.status for the technician screen: where the kiosk talks to and how it is going, no credentials. */
export function centralHandlers(facts: CentralFacts): Pick<RequestHandlers, 'central.status'> {
  return {
    'central.status': async () => {
      const rt = facts.lastRoundTripMs();
      return {
        health: facts.health(),
        host: facts.address,
        demo: facts.demo,
        profile: facts.profile,
        ...(rt === undefined ? {} : { lastRoundTripMs: Math.round(rt * 100) / 100 }),
      };
    },
  };
}
