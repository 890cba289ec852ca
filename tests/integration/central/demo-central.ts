import { afterAll, beforeAll } from 'vitest';
import { connectCentral, type Sip2Connection } from '../../../main/central/index.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

/** The SIP2 client and the embedded demo ACS over real loopback TCP (Koha profile, AY/AZ on), for one test file. */
export function startDemoCentralPerFile(): () => Sip2Connection {
  let conn: Sip2Connection | undefined;
  beforeAll(async () => {
    conn = await connectCentral(configSchema.parse({}), silentLogger);
    await conn.connect();
  });
  afterAll(async () => conn?.close());
  return () => conn!;
}
