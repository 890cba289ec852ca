import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  type IpcMainEvent,
  ipcMain,
  powerSaveBlocker,
  protocol,
  type Session,
  session,
  type WebContents,
} from 'electron';
import { BRIDGE_CHANNEL, type MainMessage } from '../../../shared/contract/bridge.ts';
import type { Logger } from '../../../shared/logger.ts';
import { electronPreload } from '../../app/install-paths.ts';
import type { KioskCore } from '../../core/ports.ts';
import { BridgeHub } from '../../hub/bridge-hub.ts';
import { resolveAppFile } from './app-files.ts';
import { securityHeaders, withSecurityHeaders } from './csp.ts';
import { isNavigationAllowed, isRequestAllowed, isTrustedSender, permissionDecision, windowOpenDecision } from './guards.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './origin.ts';
import { kioskWindowOptions } from './window-options.ts';

export interface ElectronHostOptions {
  readonly core: KioskCore;
  readonly logger: Logger;
  /** --dev: devtools allowed, no kiosk mode. */
  readonly dev: boolean;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** Compiled preload; default: dist/main/hosts/electron/preload.cjs of the installed package. */
  readonly preloadPath?: string;
  /** The composition root's hub (with its request router); default: a hub without requests. */
  readonly hub?: BridgeHub;
}

export interface ElectronHost {
  readonly window: BrowserWindow;
  close(): void;
}

/**
 * Must run before the app is ready: the app scheme is standard (relative
 * URLs, an origin) and secure (like https), nothing more.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Opens the kiosk window on the app scheme and connects it to the kiosk core through the bridge. */
export async function startElectronHost(options: ElectronHostOptions): Promise<ElectronHost> {
  const log = options.logger.child({ host: 'electron' });
  app.enableSandbox();
  if (!app.isReady()) {
    registerAppScheme();
    // Chromium on Linux speaks (Web Speech API) only through speech-dispatcher, and only when asked to.
    app.commandLine.appendSwitch('enable-speech-dispatcher');
  }
  await app.whenReady();

  const ses = session.defaultSession;
  lockDownSession(ses, options.dev, options.rendererDir, log);
  app.on('web-contents-created', (_e, contents) => guardContents(contents, log));

  const preload = options.preloadPath ?? electronPreload;
  const win = new BrowserWindow(kioskWindowOptions({ preload, dev: options.dev }));
  if (!options.dev) win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  // The page allows zoom (WCAG 1.4.4); on a shared touch screen a pinch would stay for the next patron, so the
  // kiosk window keeps it at 1 and offers its own text sizes (150 %, 200 %) that reflow instead.
  void win.webContents.setVisualZoomLevelLimits(1, 1);
  // A kiosk screen never blanks while OpenBranch runs.
  const blocker = powerSaveBlocker.start('prevent-display-sleep');

  const hub = options.hub ?? new BridgeHub(options.core, log);
  const send = (message: MainMessage): void => {
    if (!win.isDestroyed()) win.webContents.send(BRIDGE_CHANNEL, message);
  };
  let connection = hub.connect(send, 'electron');
  const onMessage = (event: IpcMainEvent, raw: unknown): void => {
    if (!isTrustedSender(event, win.webContents.id)) {
      log.warn({ frame: event.senderFrame?.url ?? null }, 'bridge message from an untrusted sender dropped');
      return;
    }
    connection.receive(raw);
  };
  ipcMain.on(BRIDGE_CHANNEL, onMessage);
  // A reload starts a new renderer: it greets again on a fresh connection.
  win.webContents.on('did-start-loading', () => {
    connection.close();
    connection = hub.connect(send, 'electron');
  });

  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  log.info({ dev: options.dev }, 'electron kiosk window open');

  return {
    window: win,
    close: () => {
      ipcMain.removeListener(BRIDGE_CHANNEL, onMessage);
      connection.close();
      powerSaveBlocker.stop(blocker);
      if (!win.isDestroyed()) win.destroy();
    },
  };
}

function lockDownSession(ses: Session, dev: boolean, rendererDir: string, log: Logger): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file.ok || request.method !== 'GET')
      return new Response(null, { status: file.ok ? 405 : file.status, headers: securityHeaders() });
    try {
      const body = await readFile(file.path);
      return new Response(body, { status: 200, headers: { ...securityHeaders(), 'Content-Type': file.type } });
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, dev);
    if (!allowed) log.warn({ url: details.url }, 'remote request blocked');
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) }));
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(permissionDecision(permission));
  });
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
}

function guardContents(contents: WebContents, log: Logger): void {
  const deny = (event: { preventDefault(): void; url: string }, what: string): void => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    log.warn({ url: event.url }, `${what} denied`);
  };
  contents.on('will-navigate', (event) => deny(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => deny(event, 'frame navigation'));
  contents.on('will-redirect', (event) => deny(event, 'redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    log.warn({ url: details.url }, 'new window denied');
    return windowOpenDecision(details);
  });
}
