import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAcs, startDemoAcs } from '../../../main/central/demo/acs-server.ts';
import { DEMO_LOGIN } from '../../../main/central/demo/data.ts';
import { Sip2Client } from '../../../main/central/sip2/client.ts';
import { Sip2Operations } from '../../../main/central/sip2/operations.ts';
import { kohaProfile } from '../../../main/central/sip2/profiles.ts';
import { createStreamLogger } from '../../../main/logging/logger.ts';
import type { Logger } from '../../../shared/logger.ts';

let acs: DemoAcs;
beforeAll(async () => {
  acs = await startDemoAcs({ port: 0 });
});
afterAll(() => acs.close());

/** A real pino logger at `level`, its JSON lines collected. */
function collected(level: 'info' | 'debug' | 'trace') {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: createStreamLogger(level, stream) };
}

async function patronLookup(logger: Logger): Promise<void> {
  const client = new Sip2Client({ host: acs.host, port: acs.port, ...DEMO_LOGIN, institution: 'VAS', profile: kohaProfile, logger });
  try {
    await new Sip2Operations(client).patronInformation('23000000000017', '1234');
  } finally {
    await client.close();
  }
}

describe('SIP2 frames in the log', () => {
  it('are not decoded at all below debug: the client never builds a frame line it would drop', async () => {
    const { lines, logger } = collected('info');
    const built: string[] = [];
    // The real logger, told to refuse any frame line: building one at info would fail the lookup.
    const strict: Logger = {
      info: logger.info.bind(logger),
      warn: logger.warn.bind(logger),
      error: logger.error.bind(logger),
      child: () => strict,
      isLevelEnabled: (level) => logger.isLevelEnabled?.(level) ?? true,
      debug: (...args: unknown[]) => built.push(String(args.at(-1))),
      trace: (...args: unknown[]) => built.push(String(args.at(-1))),
    };
    await patronLookup(strict);
    expect(built).toEqual([]);
    expect(lines.filter((l) => String(l.msg).startsWith('sip2 frame'))).toEqual([]);
  });

  it('are logged redacted at debug (text) and trace (hex too); the PIN and password never', async () => {
    const debug = collected('debug');
    await patronLookup(debug.logger);
    const frames = debug.lines.filter((l) => l.msg === 'sip2 frame');
    expect(frames.length).toBeGreaterThanOrEqual(4); // login, its answer, patron information, its answer
    expect(debug.lines.filter((l) => l.msg === 'sip2 frame bytes')).toEqual([]);

    const trace = collected('trace');
    await patronLookup(trace.logger);
    expect(trace.lines.filter((l) => l.msg === 'sip2 frame bytes').length).toBeGreaterThanOrEqual(4);
    const text = JSON.stringify([...debug.lines, ...trace.lines]);
    expect(text).not.toContain(DEMO_LOGIN.password);
    expect(text).not.toContain('AD1234');
  });
});
