import type { KioskBridge, MainMessage, RendererMessage } from '../../../shared/contract/bridge.ts';
import { readMainMessage } from './main-message.ts';
import { diagnoseStart, type StartProblem } from './start-problem.ts';

/** Main's messages that are state, not events: the latest of each is kept for a listener that comes later. */
const STATE_KINDS = ['view', 'simulator', 'door'] as const;
type StateKind = (typeof STATE_KINDS)[number];
const isState = (m: MainMessage): m is Extract<MainMessage, { type: StateKind }> => (STATE_KINDS as readonly string[]).includes(m.type);

/**
 * The bridge over the web host's WebSocket. Reconnects when the kiosk
 * restarts; messages sent while disconnected are dropped (the view is
 * re-sent on reconnect, so the screen never shows stale state for long).
 * The socket opens while the page's code still loads: the latest view (and
 * door and simulator state) is kept and handed to each listener as it comes.
 */
export class WebSocketBridge implements KioskBridge {
  private socket: WebSocket | undefined;
  private readonly listeners = new Set<(m: MainMessage) => void>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private readonly problemListeners = new Set<(problem: StartProblem | undefined) => void>();
  private readonly latest = new Map<StateKind, MainMessage>();
  private retryMs = 250;
  private everOpen = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {
    this.open();
  }

  /** Why the socket never opened (a missing or wrong token, no kiosk): told once per failed attempt until it opens. */
  onStartProblem(listener: (problem: StartProblem | undefined) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  send(message: RendererMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  onMessage(listener: (message: MainMessage) => void): () => void {
    this.listeners.add(listener);
    // Handed over once the caller has its unsubscribe in hand (a listener may stop itself on the first message).
    queueMicrotask(() => {
      for (const kind of STATE_KINDS) {
        const message = this.latest.get(kind);
        if (message && this.listeners.has(listener)) deliver(listener, message);
      }
    });
    return () => this.listeners.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private tellProblem(problem: StartProblem | undefined): void {
    for (const l of this.problemListeners) l(problem);
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retryMs = 250;
      this.everOpen = true;
      this.tellProblem(undefined);
      socket.send(JSON.stringify({ type: 'hello', protocol: 1 } satisfies RendererMessage));
      for (const l of this.statusListeners) l(true);
    });
    socket.addEventListener('message', (e) => {
      const message = readMainMessage(e.data);
      if (!message) return;
      if (isState(message)) this.latest.set(message.type, message);
      for (const l of this.listeners) deliver(l, message);
    });
    socket.addEventListener('close', () => {
      for (const l of this.statusListeners) l(false);
      if (!this.everOpen) void diagnoseStart(this.token).then((p) => this.tellProblem(p));
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    });
  }
}

/** One listener's fault must not keep a message from the others (the screen among them). */
function deliver(listener: (m: MainMessage) => void, message: MainMessage): void {
  try {
    listener(message);
  } catch (e) {
    console.error('a bridge listener failed:', e);
  }
}
