import { type KioskBridge, type MainMessage, mainMessageSchema, type RendererMessage } from '../../../shared/contract/bridge.ts';

/**
 * The bridge over the web host's WebSocket. Reconnects when the kiosk
 * restarts; messages sent while disconnected are dropped (the view is
 * re-sent on reconnect, so the screen never shows stale state for long).
 */
export class WebSocketBridge implements KioskBridge {
  private socket: WebSocket | undefined;
  private readonly listeners = new Set<(m: MainMessage) => void>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private retryMs = 250;

  constructor(private readonly url: string) {
    this.open();
  }

  send(message: RendererMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  onMessage(listener: (message: MainMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retryMs = 250;
      socket.send(JSON.stringify({ type: 'hello', protocol: 1 } satisfies RendererMessage));
      for (const l of this.statusListeners) l(true);
    });
    socket.addEventListener('message', (e) => {
      const parsed = mainMessageSchema.safeParse(JSON.parse(String(e.data)));
      if (!parsed.success) return;
      for (const l of this.listeners) l(parsed.data);
    });
    socket.addEventListener('close', () => {
      for (const l of this.statusListeners) l(false);
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    });
  }
}
