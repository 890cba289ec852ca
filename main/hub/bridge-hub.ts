import { MAX_MESSAGE_BYTES, type MainMessage, rendererMessageSchema } from '../../shared/contract/bridge.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { KioskView } from '../../shared/contract/view.ts';
import type { Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';

/** The kiosk as the hosts see it: a view to draw and a sink for validated UI events. */
export interface KioskCore {
  view(): KioskView;
  onView(listener: (view: KioskView) => void): Unsubscribe;
  dispatch(event: UiEvent): void;
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
  constructor(
    private readonly core: KioskCore,
    private readonly logger: Logger,
  ) {}

  connect(send: (message: MainMessage) => void, peer: string): BridgeConnection {
    const log = this.logger.child({ peer });
    let greeted = false;
    let stopViews: Unsubscribe | undefined;

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
          if (!greeted) {
            greeted = true;
            stopViews = this.core.onView((view) => send({ type: 'view', view }));
          }
          send({ type: 'view', view: this.core.view() });
          return;
        }
        if (!greeted) return refuse('event before hello');
        log.debug({ event: message.event.type }, 'ui event');
        this.core.dispatch(message.event);
      },
      close: () => stopViews?.(),
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
