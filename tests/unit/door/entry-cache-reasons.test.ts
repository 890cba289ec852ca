import { describe, expect, it } from 'vitest';
import { EntryCache } from '../../../main/door/entry-cache.ts';
import { InstallKey } from '../../../main/security/install-key.ts';
import { openDatabase } from '../../../main/storage/database.ts';

describe('the offline entry cache reads back only reasons it knows', () => {
  it('a denial this version does not know (a damaged or newer file) still denies, as error', async () => {
    const db = openDatabase(':memory:');
    const cache = new EntryCache(db, 14, InstallKey.ephemeral());
    await cache.remember('1001', '1234', { denial: 'fines', staff: false });
    await cache.remember('1002', '1234', { denial: undefined, staff: false });
    expect(await cache.lookup('1001', '1234')).toMatchObject({ found: true, pinOk: true, entry: { denial: 'fines' } });
    db.prepare("UPDATE door_cache SET denial = 'banned-by-a-newer-version' WHERE denial = 'fines'").run();
    expect(await cache.lookup('1001', '1234')).toMatchObject({ found: true, pinOk: true, entry: { denial: 'error' } });
    expect(await cache.lookup('1002', '1234')).toMatchObject({ found: true, pinOk: true, entry: { denial: undefined } });
    db.close();
  });
});
