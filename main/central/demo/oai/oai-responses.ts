import type { CatalogEntry, DemoCatalog } from '../catalog/catalog.ts';
import { escapeXml, marcXml } from './marcxml.ts';
import { decodeToken, encodeToken, type ListState, listPage } from './oai-list.ts';
import { formatDatestamp, OaiError, type OaiRequest, readRange, readRequest } from './oai-request.ts';

export const REPOSITORY_ID = 'region.demo';
export const METADATA_PREFIX = 'marcxml';
const MARC_NS = 'http://www.loc.gov/MARC21/slim';

export interface OaiContext {
  readonly catalog: DemoCatalog;
  readonly baseUrl: string;
  readonly pageSize: number;
  readonly now: () => Date;
}

const identifierOf = (id: string) => `oai:${REPOSITORY_ID}:${id}`;

function header(e: CatalogEntry): string {
  const status = e.deleted ? ' status="deleted"' : '';
  return `<header${status}><identifier>${identifierOf(e.id)}</identifier><datestamp>${formatDatestamp(e.datestamp)}</datestamp></header>`;
}

const recordXml = (ctx: OaiContext, e: CatalogEntry) =>
  e.deleted ? `<record>${header(e)}</record>` : `<record>${header(e)}<metadata>${marcXml(ctx.catalog.record(e.index))}</metadata></record>`;

function envelope(ctx: OaiContext, request: OaiRequest | undefined, body: string): string {
  const attrs = request
    ? [`verb="${request.verb}"`, ...Object.entries(request.args).map(([k, v]) => `${k}="${escapeXml(v)}"`)].join(' ')
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n' +
    `<responseDate>${formatDatestamp(Math.floor(ctx.now().getTime() / 1000) * 1000)}</responseDate>\n` +
    `<request${attrs ? ` ${attrs}` : ''}>${escapeXml(ctx.baseUrl)}</request>\n${body}\n</OAI-PMH>\n`
  );
}

function entryOf(ctx: OaiContext, identifier: string): CatalogEntry {
  const m = new RegExp(`^oai:${REPOSITORY_ID.replace('.', '\\.')}:(\\d+)$`).exec(identifier);
  const e = m ? ctx.catalog.entryOf(m[1]!) : undefined;
  if (!e) throw new OaiError('idDoesNotExist', `no record ${identifier}`);
  return e;
}

function checkPrefix(prefix: string | undefined): void {
  if (prefix !== METADATA_PREFIX)
    throw new OaiError('cannotDisseminateFormat', `the metadata format ${prefix} is not available (marcxml is)`);
}

function list(ctx: OaiContext, request: OaiRequest): string {
  const { args } = request;
  let state: ListState;
  if (args.resumptionToken !== undefined) state = decodeToken(args.resumptionToken);
  else {
    checkPrefix(args.metadataPrefix);
    if (args.set !== undefined) throw new OaiError('noSetHierarchy', 'this repository does not support sets');
    state = { ...readRange(args), phase: 'b', position: 0, cursor: 0 };
  }
  const page = listPage(ctx.catalog, state, ctx.pageSize);
  if (page.completeListSize === 0) throw new OaiError('noRecordsMatch', 'no records match the request');
  if (state.cursor > 0 && page.entries.length === 0)
    throw new OaiError('badResumptionToken', 'the resumption token is past the end of the list');
  const items = page.entries.map((e) => (request.verb === 'ListRecords' ? recordXml(ctx, e) : header(e))).join('\n');
  const token = `<resumptionToken completeListSize="${page.completeListSize}" cursor="${state.cursor}">${page.next ? escapeXml(encodeToken(page.next)) : ''}</resumptionToken>`;
  // A complete list in one response has no token; the last page of a resumed one has an empty token (spec 3.5).
  const tail = page.next || state.cursor > 0 ? `\n${token}` : '';
  return `<${request.verb}>\n${items}${tail}\n</${request.verb}>`;
}

function body(ctx: OaiContext, request: OaiRequest): string {
  switch (request.verb) {
    case 'Identify':
      return (
        '<Identify><repositoryName>Demo region libraries (OpenBranch demo catalogue)</repositoryName>' +
        `<baseURL>${escapeXml(ctx.baseUrl)}</baseURL><protocolVersion>2.0</protocolVersion>` +
        '<adminEmail>admin@region.example</adminEmail>' +
        `<earliestDatestamp>${formatDatestamp(ctx.catalog.earliest())}</earliestDatestamp>` +
        '<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>'
      );
    case 'ListMetadataFormats':
      if (request.args.identifier !== undefined) entryOf(ctx, request.args.identifier);
      return (
        `<ListMetadataFormats><metadataFormat><metadataPrefix>${METADATA_PREFIX}</metadataPrefix>` +
        `<schema>http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd</schema><metadataNamespace>${MARC_NS}</metadataNamespace>` +
        '</metadataFormat></ListMetadataFormats>'
      );
    case 'ListSets':
      throw new OaiError('noSetHierarchy', 'this repository does not support sets');
    case 'GetRecord': {
      checkPrefix(request.args.metadataPrefix);
      return `<GetRecord>${recordXml(ctx, entryOf(ctx, request.args.identifier!))}</GetRecord>`;
    }
    default:
      return list(ctx, request);
  }
}

/** The whole OAI-PMH answer to one request's parameters (GET query or POST form). */
export function answerOai(ctx: OaiContext, params: URLSearchParams): string {
  let request: OaiRequest | undefined;
  try {
    request = readRequest(params);
    return envelope(ctx, request, body(ctx, request));
  } catch (e) {
    if (!(e instanceof OaiError)) throw e;
    // badVerb/badArgument: the request element carries no attributes (spec 3.6).
    const echo = e.code === 'badVerb' || e.code === 'badArgument' ? undefined : request;
    return envelope(ctx, echo, `<error code="${e.code}">${escapeXml(e.message)}</error>`);
  }
}
