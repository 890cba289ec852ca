import { describe, expect, it } from 'vitest';
import { DemoCatalog } from '../../../main/central/demo/catalog/catalog.ts';
import { answerOai } from '../../../main/central/demo/oai/oai-responses.ts';

/** The demo endpoint's answers against the OAI-PMH 2.0 specification (sections 3.5, 3.6 and 4). */
const catalog = new DemoCatalog({ size: 300, today: new Date(Date.UTC(2026, 10, 30)) });
const ask = (query: string) =>
  answerOai({ catalog, baseUrl: 'http://x/oai', pageSize: 100, now: () => new Date('2026-11-30T12:00:00Z') }, new URLSearchParams(query));
const errorOf = (xml: string) => /<error code="([^"]+)"/.exec(xml)?.[1];

describe('demo OAI-PMH answers', () => {
  it.each([
    ['', 'badVerb'],
    ['verb=Frobnicate', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marcxml&metadataPrefix=marcxml', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marcxml&colour=red', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marcxml&from=2025-01-01&until=2025-01-02T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marcxml&from=2025-02-30', 'badArgument'],
    ['verb=ListRecords&resumptionToken=abc&metadataPrefix=marcxml', 'badArgument'],
    ['verb=ListRecords&resumptionToken=abc', 'badResumptionToken'],
    ['verb=ListRecords&metadataPrefix=oai_dc', 'cannotDisseminateFormat'],
    ['verb=ListRecords&metadataPrefix=marcxml&from=2031-01-01', 'noRecordsMatch'],
    ['verb=ListRecords&metadataPrefix=marcxml&set=VAS', 'noSetHierarchy'],
    ['verb=ListSets', 'noSetHierarchy'],
    ['verb=GetRecord&identifier=oai:region.demo:99999&metadataPrefix=marcxml', 'idDoesNotExist'],
    ['verb=GetRecord&identifier=oai:region.demo:5&metadataPrefix=oai_dc', 'cannotDisseminateFormat'],
  ])('%s -> %s', (query, code) => {
    const xml = ask(query);
    expect(errorOf(xml)).toBe(code);
    // badVerb and badArgument echo the request without attributes.
    if (code === 'badVerb' || code === 'badArgument') expect(xml).toContain('<request>http://x/oai</request>');
  });

  it('pages with resumption tokens until an empty token, with completeListSize and cursor, deleted records as headers only', () => {
    let xml = ask('verb=ListIdentifiers&metadataPrefix=marcxml');
    const ids: string[] = [];
    let cursors: string[] = [];
    for (let guard = 0; guard < 10; guard++) {
      ids.push(...[...xml.matchAll(/<identifier>oai:region\.demo:(\d+)<\/identifier>/g)].map((m) => m[1]!));
      const token = /<resumptionToken completeListSize="(\d+)" cursor="(\d+)">([^<]*)<\/resumptionToken>/.exec(xml)!;
      expect(token[1]).toBe('300');
      cursors = [...cursors, token[2]!];
      if (token[3] === '') break;
      xml = ask(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token[3]!)}`);
    }
    expect(cursors).toEqual(['0', '100', '200']);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const records = ask('verb=ListRecords&metadataPrefix=marcxml');
    expect(records).toContain('<header status="deleted"><identifier>oai:region.demo:50</identifier>');
    expect(records).not.toMatch(
      /<header status="deleted"><identifier>oai:region\.demo:50<\/identifier><datestamp>[^<]+<\/datestamp><\/header><metadata>/,
    );
  });

  it('selects by from/until in both granularities, inclusive', () => {
    // Record n (1-based) has datestamp 2025-01-01T00:00:00Z + (n-1) * 47 s.
    const xml = ask('verb=ListIdentifiers&metadataPrefix=marcxml&from=2025-01-01T00:00:47Z&until=2025-01-01T00:02:21Z');
    expect([...xml.matchAll(/region\.demo:(\d+)</g)].map((m) => m[1])).toEqual(['2', '3', '4']);
    expect(errorOf(ask('verb=ListIdentifiers&metadataPrefix=marcxml&from=2025-01-01&until=2025-01-01'))).toBeUndefined();
  });

  it('answers Identify and GetRecord with the MARC record and its 952 items', () => {
    expect(ask('verb=Identify')).toContain('<deletedRecord>persistent</deletedRecord>');
    const rec = ask('verb=GetRecord&identifier=oai:region.demo:3&metadataPrefix=marcxml');
    expect(rec).toContain('<record xmlns="http://www.loc.gov/MARC21/slim">');
    expect(rec).toContain('<subfield code="p">39000000000037</subfield>');
  });
});
