import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataFile, setAsideFiles } from '../../../main/storage/data-file.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';
import { tempDirs } from '../queue/temp-db.ts';

const temp = tempDirs();
afterEach(() => temp.cleanup());

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isOpenBranchError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('data file: damaged files are set aside, never lost', () => {
  it('two damaged files in the same second (a restart loop) are both kept, each byte for byte', () => {
    const file = temp.file();
    const at = () => new Date('2026-11-30T04:15:00.123Z');
    const first = Buffer.from('first damaged file'.repeat(300));
    const second = Buffer.from('second damaged file'.repeat(300));
    writeFileSync(file, first);
    expect(refusal(() => openDataFile(file, { now: at })).code).toBe('storage.corrupt');
    writeFileSync(file, second);
    const e = refusal(() => openDataFile(file, { now: at }));
    expect(e.details.movedTo).toBe(`${file}.corrupt-20261130T041500Z-2`);
    const kept = setAsideFiles(dirname(file)).sort();
    expect(kept).toEqual([`${file}.corrupt-20261130T041500Z`, `${file}.corrupt-20261130T041500Z-2`]);
    expect(readFileSync(kept[0]!)).toEqual(first);
    expect(readFileSync(kept[1]!)).toEqual(second);
    openDataFile(file).close();
    expect(readdirSync(dirname(file))).toContain('openbranch.sqlite');
  });
});
