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
    const line = await new Promise<string>((resolveLine, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (l) => {
        if (l.startsWith('OpenBranch demo ACS:')) resolveLine(l);
      });
      child.once('exit', (code) => reject(new Error(`demo acs exited (${code}) before it was ready: ${stderr.join('\n')}`)));
    });
    const m = /sip2 [\d.]+:(\d+) oai (\S+)/.exec(line)!;
    return new DemoAcsProcess(child, m[2]!, Number(m[1]));
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
