import { isLoopbackHost } from '../../../shared/config/metrics.ts';
import { OpenBranchError } from '../../../shared/errors.ts';

/** One server the `demo` command runs: started on its own, printing one line with where it listens. */
export interface DemoServer {
  /** What the line says it is, e.g. "Demo ACS". */
  readonly label: string;
  /** The port asked for (0: any free one), and the option that set it (for the message when it is taken). */
  readonly port: number;
  readonly option: string;
  start(host: string, port: number): Promise<{ host: string; port: number; close(): Promise<void> }>;
}

/**
 * Starts the demo servers asked for on `host`, prints `<label>: host:port`
 * for each once it listens (the real port when 0 was asked), and keeps
 * them until SIGINT or SIGTERM. A port that cannot be had stops it at once
 * with a message that names the port. Other demo servers (an OAI-PMH
 * endpoint for the catalogue) are one more entry in the list.
 */
export async function serveDemo(host: string, servers: readonly DemoServer[]): Promise<void> {
  if (!isLoopbackHost(host))
    console.warn(`warning: ${host} is reachable from the network; the demo data (patrons, PINs) is public, for trials only`);
  const running: { close(): Promise<void> }[] = [];
  try {
    for (const server of servers) {
      const listening = await server.start(host, server.port).catch((e: NodeJS.ErrnoException) => {
        throw new OpenBranchError(
          'config.port',
          `${server.label}: cannot listen on ${host}:${server.port} (${e.code ?? e.message}); choose another with ${server.option}`,
          { host, port: server.port },
        );
      });
      running.push(listening);
      console.log(`${server.label}: ${listening.host}:${listening.port}`);
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } finally {
    for (const r of running.reverse()) await r.close();
  }
}
