import type { KioskConfig } from '../../shared/config/schema.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CentralConnection } from '../core/ports.ts';
import { startDemoAcs } from './demo/acs-server.ts';
import { DEMO_LOGIN } from './demo/data.ts';
import { type DemoCentral, inThisProcess } from './demo/demo-central.ts';
import { Sip2Client } from './sip2/client.ts';
import { PROFILES } from './sip2/profiles.ts';
import { Sip2Central } from './sip2-central.ts';

export { type DemoAcs, type Misbehaviour, startDemoAcs } from './demo/acs-server.ts';
export type { DemoCentral } from './demo/demo-central.ts';
export { Sip2Central } from './sip2-central.ts';

/**
 * The central system over SIP2: the port the kiosk holds, plus the SIP2
 * client for technician tools (`sip2 probe`) and the embedded demo ACS
 * when config says `central.kind: demo`.
 */
export interface Sip2Connection extends CentralConnection {
  readonly client: Sip2Client;
  readonly demo: DemoCentral | undefined;
}

/**
 * The central system from config. The demo is a real SIP2 server on
 * loopback, so the embedded default runs exactly the client code a real
 * Koha gets.
 */
export async function connectCentral(
  config: KioskConfig,
  logger: Logger,
  /** The demo central system already starting elsewhere (its own process); default: in this process. */
  startedDemo?: Promise<DemoCentral>,
): Promise<Sip2Connection> {
  const c = config.central;
  const demo =
    c.kind === 'demo'
      ? await (startedDemo ??
          startDemoAcs({ port: c.port, httpPort: c.httpPort, latencyMs: c.latencyMs, timeZone: config.branch.timezone }).then(
            inThisProcess,
          ))
      : undefined;
  const sip =
    c.kind === 'sip2'
      ? c
      : {
          host: demo!.host,
          port: demo!.port,
          tls: false,
          user: DEMO_LOGIN.user,
          password: DEMO_LOGIN.password,
          institution: DEMO_LOGIN.institution,
          profile: 'koha' as const,
          encoding: 'utf-8' as const,
          errorDetection: true,
          timeoutMs: 5000,
          keepAliveSeconds: 60,
        };
  const location = (c.kind === 'sip2' ? c.location : undefined) ?? config.branch.id;
  const client = new Sip2Client({
    host: sip.host,
    port: sip.port,
    tls: sip.tls,
    ...(c.kind === 'sip2' && c.caFile ? { caFile: c.caFile } : {}),
    ...(c.kind === 'sip2' && c.tlsInsecure ? { tlsInsecure: true } : {}),
    user: sip.user,
    password: sip.password,
    institution: sip.institution || config.branch.id,
    location,
    profile: PROFILES[sip.profile],
    encoding: sip.encoding,
    errorDetection: sip.errorDetection,
    timeoutMs: sip.timeoutMs,
    keepAliveSeconds: sip.keepAliveSeconds,
    timeZone: config.branch.timezone,
    logger,
  });
  const central = new Sip2Central(client, PROFILES[sip.profile], location, logger.child({ subsystem: 'central' }));
  // Connect in the background: the kiosk starts (and serves returns offline) even when Koha is down.
  client.connect().catch((e: Error) => logger.warn({ err: e.message }, 'central system not reachable at start'));
  return {
    central,
    client,
    demo,
    address: `${sip.host}:${sip.port}${sip.tls ? ' (TLS)' : ''}`,
    profile: sip.profile,
    onRoundTrip: (listener) => client.on('success', listener),
    connect: () => client.connect(),
    close: async () => {
      await central.close();
      await demo?.close();
    },
  };
}
