import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

const WILDCARD = new Set(['0.0.0.0', '::', '']);
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

const withPort = (name: string, port: number) => `${name.includes(':') ? `[${name}]` : name}:${port}`.toLowerCase();

/**
 * The Host names a request to the metrics endpoint may carry: the loopback
 * names, the address it listens on (every address of this machine when it
 * listens on all), this machine's host name, and the names the region's
 * Prometheus scrapes it by (`metrics.allowedHosts`). Anything else is a
 * page elsewhere reaching the kiosk through DNS rebinding.
 */
export function allowedHosts(listen: string, port: number, extra: readonly string[] = []): Set<string> {
  const names = [...LOOPBACK_NAMES, hostname(), ...extra];
  if (!WILDCARD.has(listen)) names.push(listen);
  else for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(a.address.replace(/%.*$/, ''));
  return new Set(names.map((n) => withPort(n, port)));
}

export function hostAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  return allowed.has((req.headers.host ?? '').toLowerCase());
}
