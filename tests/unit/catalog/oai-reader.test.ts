import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../../../main/catalog/extract.ts';
import { OaiReader, type OaiRecord, type OaiToken } from '../../../main/catalog/oai-reader.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

/**
 * An OAI-PMH ListRecords answer in the shape Koha's opac/oai.pl sends (MARC21 slim with a prefix this
 * time, an entity, a CDATA section, a deleted record, a resumption token), read in chunks of any size.
 */
const RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-30T12:00:00Z</responseDate>
<request verb="ListRecords" metadataPrefix="marcxml">https://koha.example/cgi-bin/koha/oai.pl</request>
<ListRecords>
<record><header><identifier>KOHA-OAI:4711</identifier><datestamp>2026-11-02T10:11:12Z</datestamp></header>
<metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">
<marc:leader>01234nim a2200301 i 4500</marc:leader>
<marc:controlfield tag="001">4711</marc:controlfield>
<marc:controlfield tag="007">sd fsngnnmmned</marc:controlfield>
<marc:controlfield tag="008">240101s2024    sw     e      000 1 swe c</marc:controlfield>
<marc:datafield tag="020" ind1=" " ind2=" "><marc:subfield code="a">9789100000001 (ljudbok)</marc:subfield></marc:datafield>
<marc:datafield tag="041" ind1="0" ind2=" "><marc:subfield code="a">swe</marc:subfield><marc:subfield code="h">eng</marc:subfield></marc:datafield>
<marc:datafield tag="100" ind1="1" ind2=" "><marc:subfield code="a">Ek, Sara,</marc:subfield></marc:datafield>
<marc:datafield tag="245" ind1="1" ind2="0"><marc:subfield code="a">Mord &amp; visor /</marc:subfield><marc:subfield code="c">Sara Ek</marc:subfield></marc:datafield>
<marc:datafield tag="338" ind1=" " ind2=" "><marc:subfield code="a">ljudskiva</marc:subfield><marc:subfield code="b">sd</marc:subfield></marc:datafield>
<marc:datafield tag="385" ind1=" " ind2=" "><marc:subfield code="a">Vuxna</marc:subfield></marc:datafield>
<marc:datafield tag="520" ind1=" " ind2=" "><marc:subfield code="a"><![CDATA[En <spännande> bok.]]></marc:subfield></marc:datafield>
<marc:datafield tag="655" ind1=" " ind2="7"><marc:subfield code="a">Deckare</marc:subfield><marc:subfield code="2">saogf</marc:subfield></marc:datafield>
<marc:datafield tag="952" ind1=" " ind2=" "><marc:subfield code="a">KOP</marc:subfield><marc:subfield code="b">KOP</marc:subfield><marc:subfield code="o">Hc/LC Ek</marc:subfield><marc:subfield code="p">100200</marc:subfield><marc:subfield code="q">2026-12-10</marc:subfield></marc:datafield>
<marc:datafield tag="952" ind1=" " ind2=" "><marc:subfield code="7">1</marc:subfield><marc:subfield code="a">VAS</marc:subfield><marc:subfield code="p">100201</marc:subfield></marc:datafield>
</marc:record></metadata></record>
<record><header status="deleted"><identifier>KOHA-OAI:4712</identifier><datestamp>2026-11-03T00:00:00Z</datestamp></header></record>
<resumptionToken completeListSize="2" cursor="0">marcxml/2/////</resumptionToken>
</ListRecords></OAI-PMH>`;

function read(chunks: string[]) {
  const records: OaiRecord[] = [];
  const tokens: OaiToken[] = [];
  const reader = new OaiReader({ record: (r) => records.push(r), token: (t) => tokens.push(t), error: () => {} });
  for (const c of chunks) reader.write(c);
  reader.end();
  return { records, tokens };
}

function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(text.slice(last, p));
    last = p;
  }
  return [...out, text.slice(last)];
}

describe('OAI-PMH reader and MARC extraction', () => {
  it('reads a record, a deleted record and the token the same way whatever the chunks', () => {
    const whole = read([RESPONSE]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
        expect(read(split(RESPONSE, cuts))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
    expect(whole.records.map((r) => [r.identifier, r.deleted, r.marc !== undefined])).toEqual([
      ['KOHA-OAI:4711', false, true],
      ['KOHA-OAI:4712', true, false],
    ]);
    expect(whole.tokens).toEqual([{ token: 'marcxml/2/////', completeListSize: 2, cursor: 0 }]);
  });

  it('keeps the fields of the issue: format, language, audience, genre with thesaurus, items with status', () => {
    const r = extractRecord(read([RESPONSE]).records[0]!.marc!, 'x');
    expect(r).toEqual({
      id: '4711',
      title: 'Mord & visor',
      author: 'Ek, Sara',
      year: 2024,
      language: 'swe',
      languages: ['swe'],
      format: 'audiobook',
      online: false,
      audience: 'adult',
      genres: [{ term: 'Deckare', thesaurus: 'saogf' }],
      subjects: [],
      summary: 'En <spännande> bok.',
      isbn: '9789100000001',
      copies: [
        { barcode: '100200', home: 'KOP', holding: 'KOP', callNumber: 'Hc/LC Ek', status: 'on-loan', due: '2026-12-10' },
        { barcode: '100201', home: 'VAS', holding: 'VAS', status: 'not-for-loan' },
      ],
    });
  });

  it('refuses malformed XML with a typed error', () => {
    let error: unknown;
    try {
      read([RESPONSE.replace('</marc:leader>', '</marc:leaderx>')]);
    } catch (e) {
      error = e;
    }
    expect(isOpenBranchError(error, 'catalog.malformed')).toBe(true);
    expect(() => read([RESPONSE.slice(0, 900)])).toThrow(/not well-formed/);
  });
});
