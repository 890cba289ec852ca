import { MAX_MESSAGE_BYTES, type MainMessage, type RendererMessage, rendererMessageSchema } from '../../shared/contract/bridge.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import { PARSE } from '../../shared/parsing.ts';
import type { KioskCore } from '../core/ports.ts';
import { RefusalLog } from './refusal-log.ts';
import type { RequestRouter, Session } from './request-router.ts';

export interface BridgeConnection {
  /** Raw data from the renderer: a JSON string (WebSocket) or a structured-clone value (Electron IPC). */
  receive(raw: unknown): void;
  close(): void;
}

/**
 * Host-agnostic end of the bridge. Both hosts hand every incoming message
 * to a connection; only messages that pass the shared schema reach the
 * kiosk core. Refusals are logged by reason, never with the payload (it
 * may hold a PIN), and rate-limited (a flood is counted, not logged line
 * by line). Whatever the core does with a message, an exception in it is
 * logged and refused here, never thrown into the host.
 */
export class BridgeHub {
  private readonly refusals: RefusalLog;
  private viewShown: () => void = () => {};
  /** Settles once a page has been sent its first view: start-up work the screen need not wait for can start then. */
  readonly firstViewSent = new Promise<void>((resolve) => {
    this.viewShown = resolve;
  });

  constructor(
    private readonly core: KioskCore,
    private readonly logger: Logger,
    private readonly router?: RequestRouter,
    refusals?: RefusalLog,
  ) {
    this.refusals = refusals ?? new RefusalLog(logger);
  }

  connect(send: (message: MainMessage) => void, peer: string): BridgeConnection {
    const log = this.logger.child({ peer });
    const stops: Unsubscribe[] = [];
    const session: Session = { technician: false };
    let greeted = false;

    const refuse = (kind: string, reason: string): void => {
      this.refusals.refused(kind, reason, peer);
      send({ type: 'refused', reason });
    };

    const greet = (): void => {
      const { simulator, door } = this.core;
      if (!greeted) {
        greeted = true;
        stops.push(this.core.onView((view) => send({ type: 'view', view })));
        if (simulator) stops.push(simulator.onState((state) => send({ type: 'simulator', state })));
        if (door) stops.push(door.onView((view) => send({ type: 'door', view })));
      }
      send({ type: 'view', view: this.core.view() });
      if (simulator) send({ type: 'simulator', state: simulator.state() });
      if (door) send({ type: 'door', view: door.view() });
      this.viewShown();
    };

    const route = (message: Exclude<RendererMessage, { type: 'hello' }>): void => {
      switch (message.type) {
        case 'event':
          log.debug({ event: message.event.type }, 'ui event');
          this.core.dispatch(message.event);
          return;
        case 'door':
          if (!this.core.door) return refuse('no-door', 'this install runs no door controller');
          log.debug({ event: message.event.type }, 'door event');
          this.core.door.dispatch(message.event);
          return;
        case 'simulator':
          if (!this.core.simulator) return refuse('demo-off', 'demo mode is off: there is no simulator');
          log.debug({ action: message.action.type }, 'simulator action');
          this.core.simulator.act(message.action);
          return;
        case 'request': {
          const { id, method, params } = message;
          if (!this.router) return refuse('no-requests', 'this install answers no requests');
          this.router.handle(method, params, session).then(
            (result) => send({ type: 'reply', id, result }),
            (e: unknown) => {
              log.error({ method, err: e instanceof Error ? e.message : String(e) }, 'request failed');
              send({
                type: 'reply',
                id,
                result: { ok: false, error: { code: 'bridge.internal', message: 'the request failed; see the log' } },
              });
            },
          );
          return;
        }
      }
    };

    return {
      receive: (raw) => {
        const parsed = parseRaw(raw);
        if (!parsed.ok) return refuse(parsed.kind, parsed.reason);
        const result = rendererMessageSchema.safeParse(parsed.value, PARSE);
        if (!result.success) {
          return refuse('schema', result.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; '));
        }
        if (result.data.type === 'hello') return greet();
        if (!greeted) return refuse('before-hello', 'event before hello');
        try {
          route(result.data);
        } catch (e) {
          log.error({ type: result.data.type, err: e instanceof Error ? e.message : String(e) }, 'bridge message failed in the kiosk');
          refuse('failed', 'the kiosk could not act on this message');
        }
      },
      close: () => {
        for (const stop of stops.splice(0)) stop();
      },
    };
  }
}

function parseRaw(raw: unknown): { ok: true; value: unknown } | { ok: false; kind: string; reason: string } {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  if (Buffer.byteLength(raw, 'utf8') > MAX_MESSAGE_BYTES)
    return { ok: false, kind: 'size', reason: `message larger than ${MAX_MESSAGE_BYTES} bytes` };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, kind: 'json', reason: 'not JSON' };
  }
}
