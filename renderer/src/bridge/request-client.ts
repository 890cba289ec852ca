import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import type { RequestMethod, RequestParams, RequestResult } from '../../../shared/contract/requests.ts';

export type Reply<M extends RequestMethod> =
  | { ok: true; value: RequestResult<M> }
  | { ok: false; error: { code: string; message: string } };

/** Promise-style requests over the bridge (technician and staff screens). */
export class RequestClient {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply<RequestMethod>) => void>();

  constructor(private readonly bridge: KioskBridge) {
    bridge.onMessage((m) => {
      if (m.type !== 'reply') return;
      this.pending.get(m.id)?.(m.result as Reply<RequestMethod>);
      this.pending.delete(m.id);
    });
  }

  call<M extends RequestMethod>(method: M, params: RequestParams<M>, timeoutMs = 15_000): Promise<Reply<M>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'bridge.timeout', message: 'no answer from the kiosk' } });
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply as Reply<M>);
      });
      this.bridge.send({ type: 'request', id, method, params });
    });
  }
}
