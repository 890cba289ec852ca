/**
 * Preload of the kiosk window. It runs in a sandboxed renderer, where
 * `require` knows only a few modules ('electron' among them) and no relative
 * files, so this file is self-contained CommonJS (a .cts compiles to .cjs)
 * rather than a bundle: nothing to build, nothing hidden, and a test loads
 * this very source with a fake `electron`.
 *
 * It exposes exactly one object, `window.openbranch`, with `send` and
 * `onMessage` (shared/contract/bridge.ts KioskBridge). The raw ipcRenderer,
 * its event objects and the channel name never reach the page. Main
 * validates every message again (BridgeHub); the checks here only keep
 * obviously wrong values off the wire.
 */
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

/** Must equal BRIDGE_CHANNEL in shared/contract/bridge.ts (a test holds them together). */
const CHANNEL = 'openbranch:bridge';

type Listener = (message: unknown) => void;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const bridge = Object.freeze({
  send(message: unknown): void {
    if (!isPlainObject(message)) return;
    ipcRenderer.send(CHANNEL, message);
  },
  onMessage(listener: Listener): () => void {
    if (typeof listener !== 'function') return () => {};
    // Strip the IpcRendererEvent: it carries `sender` (ipcRenderer itself).
    const relay = (_event: unknown, message: unknown): void => listener(message);
    ipcRenderer.on(CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(CHANNEL, relay);
    };
  },
});

contextBridge.exposeInMainWorld('openbranch', bridge);
