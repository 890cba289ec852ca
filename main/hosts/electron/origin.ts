/**
 * The Electron host serves the renderer from its own privileged scheme
 * (app://openbranch/) instead of file:// (Electron security checklist #18):
 * one origin, nothing else on disk reachable, and a fixed string the
 * navigation guard and the IPC sender check compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'openbranch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when the URL belongs to the app's own origin. Node's URL gives
 * "null" as origin for non-special schemes, so scheme and host are compared.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}
