/// <reference path="./marcjs.d.ts" />
// The record class alone: marcjs's index also loads every reader and writer it has (and `he`'s entity tables), ~40 ms at start.
import MarcjsRecord from 'marcjs/lib/Record.js';

/**
 * The MARC record model of marcjs (a Koha developer's library): the
 * harvester's XML reader builds these, the extractor reads them. marcjs's
 * own MARCXML reader is a fixed-offset string scanner that breaks on the
 * OAI envelope's <record> and on namespace prefixes, so the XML is parsed
 * with saxes and only marcjs's record is used.
 */
export type MarcRecord = MarcjsRecord;

export function newRecord(): MarcRecord {
  return new MarcjsRecord();
}

/** Values of subfield `code` in every field with `tag`. */
export function subfields(r: MarcRecord, tag: string, code: string): string[] {
  const out: string[] = [];
  for (const f of r.fields) {
    if (f[0] !== tag || f.length < 3) continue;
    for (let i = 2; i + 1 < f.length; i += 2) if (f[i] === code) out.push(f[i + 1]!);
  }
  return out;
}

export const firstSubfield = (r: MarcRecord, tag: string, code: string): string | undefined => subfields(r, tag, code)[0];

export function controlField(r: MarcRecord, tag: string): string | undefined {
  return r.fields.find((f) => f[0] === tag && f.length === 2)?.[1];
}

/** Each field with `tag` as a map from subfield code to its first value. */
export function fieldsOf(r: MarcRecord, tag: string): Array<Readonly<Record<string, string>>> {
  return r.fields
    .filter((f) => f[0] === tag && f.length >= 3)
    .map((f) => {
      const m: Record<string, string> = {};
      for (let i = 2; i + 1 < f.length; i += 2) if (m[f[i]!] === undefined) m[f[i]!] = f[i + 1]!;
      return m;
    });
}
