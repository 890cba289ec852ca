import type { Command } from 'commander';
import type { KioskConfig } from '../../../shared/config/schema.ts';
import type { CentralSystem } from '../../../shared/domain/central.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { PARSE } from '../../../shared/parsing.ts';
import type { Sip2Connection } from '../../central/index.ts';

export interface TalkFlags {
  config?: string;
  host?: string;
  port?: number;
  tls?: boolean;
  user?: string;
  password?: string;
  location?: string;
  institution?: string;
  profile?: 'koha' | 'generic';
}

/**
 * `openbranch sip2 probe|patron|item|checkout|checkin|renew`: talk to the
 * configured (or given) server and print JSON, to prove the kiosk reaches
 * Koha. Without a config or --host, the embedded demo ACS answers.
 */
export function registerSip2Talk(sip2: Command): void {
  const talk = async (flags: TalkFlags, fn: (c: CentralSystem, conn: Sip2Connection, config: KioskConfig) => Promise<unknown>) =>
    withCentral(flags, async (c, conn, config) => console.log(JSON.stringify(await fn(c, conn, config), null, 2)));
  common(sip2.command('probe').description('log in and ask the ACS status')).action((f: TalkFlags) =>
    talk(f, async (c, conn) => {
      const { Sip2Operations } = await import('../../central/sip2/operations.ts');
      return { health: c.health(), status: await new Sip2Operations(conn.client).status() };
    }),
  );
  common(sip2.command('patron <card>').option('--pin <pin>').description('patron information')).action(
    (card: string, f: TalkFlags & { pin?: string }) => talk(f, (c) => c.patronInformation(card, f.pin)),
  );
  common(sip2.command('item <item>').description('item information')).action((item: string, f: TalkFlags) =>
    talk(f, (c) => c.itemInformation(item)),
  );
  common(sip2.command('checkout <card> <item>').option('--pin <pin>').description('check out an item')).action(
    (card: string, item: string, f: TalkFlags & { pin?: string }) =>
      talk(f, (c) => c.checkout({ cardNumber: card, itemId: item, ...(f.pin ? { pin: f.pin } : {}) })),
  );
  common(sip2.command('checkin <item>').description('check in an item at the configured location')).action((item: string, f: TalkFlags) =>
    talk(f, (c, _conn, config) => c.checkin({ itemId: item, location: f.location ?? config.branch.id })),
  );
  common(sip2.command('renew <card> <item>').option('--pin <pin>').description('renew a loan')).action(
    (card: string, item: string, f: TalkFlags & { pin?: string }) => talk(f, (c) => c.renew(card, item, f.pin)),
  );
}

/** The connection flags every `sip2` command that talks to a server takes. */
export const common = (c: Command) =>
  c
    .option('--config <file>', 'kiosk config file (its central section)')
    .option('--host <host>')
    .option('--port <n>', 'port', Number)
    .option('--tls', 'use TLS')
    .option('--user <user>')
    .option('--password <password>', 'SIP2 password (better: keep it in the config file)')
    .option('--location <code>')
    .option('--institution <id>')
    .option('--profile <name>', 'koha | generic');

/** Connects (config, flags or the embedded demo), runs `fn`, and always closes. */
export async function withCentral(
  flags: TalkFlags,
  fn: (c: CentralSystem, conn: Sip2Connection, config: KioskConfig) => Promise<void>,
): Promise<void> {
  // Config, schema and SIP2 client load only for these commands, not for `sip2 decode`.
  const [{ loadConfig }, { configSchema }, { connectCentral }] = await Promise.all([
    import('../../config/load.ts'),
    import('../../../shared/config/schema.ts'),
    import('../../central/index.ts'),
  ]);
  const base = loadConfig(flags.config).config;
  const config = flags.host
    ? configSchema.parse(
        {
          ...base,
          central: {
            kind: 'sip2',
            host: flags.host,
            port: flags.port ?? 6001,
            tls: flags.tls ?? false,
            user: flags.user ?? '',
            password: flags.password ?? '',
            institution: flags.institution ?? '',
            ...(flags.location ? { location: flags.location } : {}),
            profile: flags.profile ?? 'koha',
          },
        },
        PARSE,
      )
    : base;
  const conn = await connectCentral(config, silentLogger);
  try {
    await conn.connect();
    await fn(conn.central, conn, config);
  } finally {
    await conn.close();
  }
}
