import { afterAll, beforeAll } from 'vitest';
import { type CentralConnection, connectCentral } from '../../../main/central/index.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import { silentLogger } from '../../../shared/logger.ts';

/** The SIP2 client and the embedded demo ACS over real loopback TCP (Koha profile, AY/AZ on), for one test file. */
export function startDemoCentralPerFile(): () => CentralConnection {
  let conn: CentralConnection | undefined;
  beforeAll(async () => {
    conn = await connectCentral(configSchema.parse({}), silentLogger);
    await conn.central.client.connect();
  });
  afterAll(async () => conn?.close());
  return () => conn!;
}
