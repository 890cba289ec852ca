import { isLoopbackHost } from '../../../shared/config/metrics.ts';
import { OpenBranchError } from '../../../shared/errors.ts';

/** A port the command was asked to listen on (0: any free one) and the option that set it, for the message when it is taken. */
export interface DemoPort {
  readonly port: number;
  readonly option: string;
}

/** What a started demo server prints (one `<what>: <where>` line per endpoint) and how it stops. */
export interface RunningDemo {
  readonly lines: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts a demo server on `host`, prints its lines once it listens (the
 * real ports when 0 was asked), and keeps it until SIGINT or SIGTERM. A
 * port that cannot be had stops it at once with a message that names the
 * port and the option that chose it. A further endpoint (OAI-PMH beside
 * SIP2) is one more port and one more line.
 */
export async function serveDemo(label: string, host: string, ports: readonly DemoPort[], start: () => Promise<RunningDemo>): Promise<void> {
  if (!isLoopbackHost(host))
    console.warn(`warning: ${host} is reachable from the network; the demo data (patrons, PINs) is public, for trials only`);
  const running = await start().catch((e: NodeJS.ErrnoException & { port?: number }) => {
    const taken = ports.find((p) => p.port === e.port) ?? ports[0];
    throw new OpenBranchError(
      'config.port',
      `${label}: cannot listen on ${host}:${e.port ?? taken?.port} (${e.code ?? e.message}); choose another with ${taken?.option}`,
      { host, port: e.port ?? taken?.port },
    );
  });
  try {
    for (const line of running.lines) console.log(line);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    await running.close();
  }
}
