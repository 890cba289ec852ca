import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../../..');

/** `openbranch demo acs` as its own process (its own process group), as a real OAI-PMH peer over HTTP. */
export class DemoAcsProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly oaiUrl: string,
    readonly sip2Port: number,
  ) {}

  static async start(args: readonly string[] = []): Promise<DemoAcsProcess> {
    const child = spawn(process.execPath, ['main/cli/bin.mjs', 'demo', 'acs', '--http-port', '0', ...args], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
    // It prints "Demo ACS: host:port" then "Demo OAI-PMH: url" once both listen.
    const ready = await new Promise<{ port: number; url: string }>((resolveLines, reject) => {
      let port = 0;
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (l) => {
        const sip2 = /^Demo ACS: [\d.]+:(\d+)$/.exec(l);
        if (sip2) port = Number(sip2[1]);
        const oai = /^Demo OAI-PMH: (\S+)$/.exec(l);
        if (oai) resolveLines({ port, url: oai[1]! });
      });
      child.once('exit', (code) => reject(new Error(`demo acs exited (${code}) before it was ready: ${stderr.join('\n')}`)));
    });
    return new DemoAcsProcess(child, ready.url, ready.port);
  }

  get baseUrl(): string {
    return this.oaiUrl.replace(/\/cgi-bin\/koha\/oai\.pl$/, '');
  }

  /** A demo-only command to the endpoint (POST /demo/misbehave, /demo/catalog). */
  async tell(path: '/demo/misbehave' | '/demo/catalog', body: unknown): Promise<void> {
    const r = await fetch(`${this.baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (r.status !== 204) throw new Error(`${path} answered ${r.status}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    try {
      process.kill(-this.child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  }
}
