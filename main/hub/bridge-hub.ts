import { MAX_MESSAGE_BYTES, type MainMessage, rendererMessageSchema } from '../../shared/contract/bridge.ts';
import type { SimulatorAction, SimulatorState } from '../../shared/contract/simulator.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { KioskView } from '../../shared/contract/view.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { RequestRouter, Session } from './request-router.ts';

/** The kiosk as the hosts see it: a view to draw and a sink for validated UI events. */
export interface KioskCore {
  view(): KioskView;
  onView(listener: (view: KioskView) => void): Unsubscribe;
  dispatch(event: UiEvent): void;
  /** Present only in installs with simulated devices (the embedded default). */
  readonly simulator?: SimulatorControl;
}

export interface SimulatorControl {
  state(): SimulatorState;
  onState(listener: (state: SimulatorState) => void): Unsubscribe;
  act(action: SimulatorAction): void;
}

export interface BridgeConnection {
  /** Raw data from the renderer: a JSON string (WebSocket) or a structured-clone value (Electron IPC). */
  receive(raw: unknown): void;
  close(): void;
}

/**
 * Host-agnostic end of the bridge. Both hosts hand every incoming message
 * to a connection; only messages that pass the shared schema reach the
 * kiosk core. Refusals are logged by reason, never with the payload (it
 * may hold a PIN).
 */
export class BridgeHub {
  private readonly router: RequestRouter | undefined;

  constructor(
    private readonly core: KioskCore,
    private readonly logger: Logger,
    router?: RequestRouter,
  ) {
    this.router = router;
  }

  connect(send: (message: MainMessage) => void, peer: string): BridgeConnection {
    const log = this.logger.child({ peer });
    let greeted = false;
    const stops: Unsubscribe[] = [];
    const session: Session = { technician: false };

    const refuse = (reason: string): void => {
      log.warn({ reason }, 'bridge message refused');
      send({ type: 'refused', reason });
    };

    return {
      receive: (raw) => {
        const parsed = parseRaw(raw);
        if (!parsed.ok) return refuse(parsed.reason);
        const result = rendererMessageSchema.safeParse(parsed.value);
        if (!result.success) {
          return refuse(result.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; '));
        }
        const message = result.data;
        if (message.type === 'hello') {
          const simulator = this.core.simulator;
          if (!greeted) {
            greeted = true;
            stops.push(this.core.onView((view) => send({ type: 'view', view })));
            if (simulator) stops.push(simulator.onState((state) => send({ type: 'simulator', state })));
          }
          send({ type: 'view', view: this.core.view() });
          if (simulator) send({ type: 'simulator', state: simulator.state() });
          return;
        }
        if (!greeted) return refuse('event before hello');
        if (message.type === 'request') {
          const { id, method, params } = message;
          if (!this.router) return refuse('this install answers no requests');
          void this.router.handle(method, params, session).then((result) => send({ type: 'reply', id, result }));
          return;
        }
        if (message.type === 'simulator') {
          if (!this.core.simulator) return refuse('this install has no simulated devices');
          log.debug({ action: message.action.type }, 'simulator action');
          this.core.simulator.act(message.action);
          return;
        }
        log.debug({ event: message.event.type }, 'ui event');
        this.core.dispatch(message.event);
      },
      close: () => {
        for (const stop of stops.splice(0)) stop();
      },
    };
  }
}

function parseRaw(raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  if (Buffer.byteLength(raw, 'utf8') > MAX_MESSAGE_BYTES) return { ok: false, reason: `message larger than ${MAX_MESSAGE_BYTES} bytes` };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}
