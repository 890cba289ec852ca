import { isAppUrl } from './origin.ts';

/**
 * The pure decisions behind the window's event handlers. index.ts wires them
 * to Electron; tests call them directly.
 */

/** will-navigate / will-frame-navigate / will-redirect: only within the app's own origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: a kiosk never opens a second window. */
export function windowOpenDecision(_details: { url: string }): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests and checks (camera, geolocation, notifications, HID, serial, ...): always no. */
export function permissionDecision(_permission: string): false {
  return false;
}

/**
 * webRequest.onBeforeRequest: no remote content. The app scheme is allowed,
 * and in --dev the devtools' own scheme; http(s), file, ws and the rest are cancelled.
 */
export function isRequestAllowed(url: string, dev: boolean): boolean {
  if (isAppUrl(url)) return true;
  return dev && url.startsWith('devtools://');
}

/** The parts of an IPC event the sender check needs (IpcMainEvent fits). */
export interface IpcSenderLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Accepts an IPC message only from the kiosk window's own web contents, from
 * its main frame (no subframe), at the app's own origin. A frame that has
 * navigated away or been destroyed (senderFrame null) is refused.
 */
export function isTrustedSender(event: IpcSenderLike, windowContentsId: number): boolean {
  if (event.sender.id !== windowContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
