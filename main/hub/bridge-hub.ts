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

/** Messages a connection keeps while the kiosk is being built; more are refused. */
export const MAX_HELD_WHILE_STARTING = 64;

type Routed = Exclude<RendererMessage, { type: 'hello' }>;

/**
 * Host-agnostic end of the bridge. Both hosts hand every incoming message
 * to a connection; only messages that pass the shared schema reach the
 * kiosk core. Refusals are logged by reason, never with the payload (it
 * may hold a PIN), and rate-limited (a flood is counted, not logged line
 * by line). Whatever the core does with a message, an exception in it is
 * logged and refused here, never thrown into the host.
 *
 * A hub made `whileStarting` answers a page at once with the kiosk's start
 * screen and keeps what the page sends (in order, up to a limit) until the
 * kiosk is whole (`complete`): the screen is up while the core is built.
 */
export class BridgeHub {
  private readonly refusals: RefusalLog;
  private viewShown: () => void = () => {};
  /** Settles once a page has been sent its first view: start-up work the screen need not wait for can start then. */
  readonly firstViewSent = new Promise<void>((resolve) => {
    this.viewShown = resolve;
  });
  /** False while a hub made `whileStarting` shows its start screen. */
  private whole: boolean;
  private readonly completed: Promise<void>;
  private completeNow: () => void = () => {};

  constructor(
    private core: KioskCore,
    private readonly logger: Logger,
    private router?: RequestRouter,
    refusals?: RefusalLog,
    starting = false,
  ) {
    this.refusals = refusals ?? new RefusalLog(logger);
    this.whole = !starting;
    this.completed = starting
      ? new Promise((resolve) => {
          this.completeNow = resolve;
        })
      : Promise.resolve();
  }

  /** A hub that shows `first` (the start screen) until `complete` hands it the built kiosk. */
  static whileStarting(first: KioskCore, logger: Logger, refusals?: RefusalLog): BridgeHub {
    return new BridgeHub(first, logger, undefined, refusals, true);
  }

  /** The kiosk is built: pages greeted meanwhile get its view, and what they sent is acted on, in order. */
  complete(core: KioskCore, router?: RequestRouter): void {
    if (this.whole) throw new Error('the bridge hub is already complete');
    this.core = core;
    this.router = router;
    this.whole = true;
    this.completeNow();
  }

  connect(send: (message: MainMessage) => void, peer: string): BridgeConnection {
    const log = this.logger.child({ peer });
    const stops: Unsubscribe[] = [];
    const session: Session = { technician: false };
    let greeted = false;
    let closed = false;
    // What arrives before the kiosk is whole waits here, in order; undefined once it is.
    let held: Routed[] | undefined = this.whole ? undefined : [];

    const refuse = (kind: string, reason: string): void => {
      this.refusals.refused(kind, reason, peer);
      send({ type: 'refused', reason });
    };

    const subscribe = (core: KioskCore): void => {
      const { simulator, door } = core;
      stops.push(core.onView((view) => send({ type: 'view', view })));
      if (simulator) stops.push(simulator.onState((state) => send({ type: 'simulator', state })));
      if (door) stops.push(door.onView((view) => send({ type: 'door', view })));
    };

    const sendState = (core: KioskCore): void => {
      send({ type: 'view', view: core.view() });
      if (core.simulator) send({ type: 'simulator', state: core.simulator.state() });
      if (core.door) send({ type: 'door', view: core.door.view() });
    };

    const greet = (): void => {
      if (!greeted) {
        greeted = true;
        // Before the kiosk is whole the start screen does not change: its updates begin with the built kiosk.
        if (this.whole) subscribe(this.core);
      }
      sendState(this.core);
      this.viewShown();
    };

    if (!this.whole)
      void this.completed.then(() => {
        if (closed) return;
        if (greeted) {
          subscribe(this.core);
          sendState(this.core);
        }
        const waiting = held ?? [];
        held = undefined;
        for (const message of waiting) act(message);
      });

    const route = (message: Routed): void => {
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

    const act = (message: Routed): void => {
      try {
        route(message);
      } catch (e) {
        log.error({ type: message.type, err: e instanceof Error ? e.message : String(e) }, 'bridge message failed in the kiosk');
        refuse('failed', 'the kiosk could not act on this message');
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
        if (held) {
          if (held.length >= MAX_HELD_WHILE_STARTING) return refuse('starting', 'the kiosk is still starting');
          held.push(result.data);
          return;
        }
        act(result.data);
      },
      close: () => {
        closed = true;
        held = undefined;
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
