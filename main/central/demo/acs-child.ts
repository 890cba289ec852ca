/**
 * The demo central system (SIP2 and OAI-PMH) in a process of its own,
 * started by startDemoAcsProcess for `openbranch start` on the embedded
 * default, the way Koha runs on a server of its own. Serving the catalogue
 * harvest leaves memory behind in the process that serves it; here that is
 * not the kiosk's. It reads its options from argv, says where it listens,
 * answers the kiosk's simulator over IPC, and ends with the kiosk.
 */

import type { AcsChildMessage, KioskToAcsMessage } from './acs-process.ts';
import { type DemoAcsOptions, startDemoAcs } from './acs-server.ts';

const send = (m: AcsChildMessage) => new Promise<void>((r) => process.send?.(m, undefined, {}, () => r()));

const options = JSON.parse(process.argv[2] ?? '{}') as DemoAcsOptions;
try {
  const acs = await startDemoAcs(options);
  // The kiosk gone (stopped, killed): the demo central system goes with it.
  process.once('disconnect', () => void acs.close().finally(() => process.exit(0)));
  process.on('message', (m: KioskToAcsMessage) => {
    if ('misbehave' in m) acs.misbehave(m.misbehave);
    else if ('item' in m) {
      const found = acs.state.item(m.item.itemId);
      void send({ item: { id: m.item.id, ...(found ? { found } : {}) } });
    }
  });
  await send({ ready: { host: acs.host, port: acs.port, region: acs.region, ...(acs.oai ? { oaiUrl: acs.oai.url } : {}) } });
} catch (e) {
  const err = e as Error & { code?: string };
  await send({ failed: { message: err.message, ...(err.code ? { code: err.code } : {}) } });
  process.exit(1);
}
