import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export type AppFile = { ok: true; path: string; type: string } | { ok: false; status: 400 | 404 };

/**
 * Maps an app:// request to a file inside the built renderer folder. Only
 * GET-able, known file types; anything that leaves the folder (../, encoded
 * separators, absolute paths) or names another host is refused. "/" is
 * index.html; there is no directory listing.
 */
export function resolveAppFile(rawUrl: string, rendererDir: string): AppFile {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 400 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const wanted = pathname === '/' ? '/index.html' : pathname;
  const root = resolve(rendererDir);
  const file = resolve(join(root, wanted));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 404 };
  const type = TYPES[extname(file).toLowerCase()];
  if (type === undefined) return { ok: false, status: 404 };
  return { ok: true, path: file, type };
}
