import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface StaffClientOptions {
  readonly url: string;
  readonly token?: string | undefined;
  /** CA file that signed the kiosk's certificate (a region's own CA). */
  readonly ca?: string | undefined;
  /** The person's client certificate and key, where the kiosk identifies staff by certificate. */
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly timeoutMs?: number;
}

export interface StaffReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request to a kiosk's staff API (node:http/https so a private CA and client certificates work). */
export function staffRequest(o: StaffClientOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<StaffReply> {
  const url = new URL(path, o.url.endsWith('/') ? o.url : `${o.url}/`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: {
          Accept: 'application/json',
          ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
        ...(o.ca ? { ca: readFileSync(o.ca) } : {}),
        ...(o.cert ? { cert: readFileSync(o.cert) } : {}),
        ...(o.key ? { key: readFileSync(o.key) } : {}),
        timeout: o.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = { ok: false, message: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.origin} within ${o.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
