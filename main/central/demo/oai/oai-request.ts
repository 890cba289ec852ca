/**
 * OAI-PMH 2.0 request checking (protocol sections 3.1, 3.6 and 4): which
 * verbs take which arguments, datestamps in either granularity. Pure: the
 * server turns a failure into the <error> the spec names.
 */
export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Verb = 'Identify' | 'ListMetadataFormats' | 'ListSets' | 'ListIdentifiers' | 'ListRecords' | 'GetRecord';

const ARGS: Readonly<
  Record<Verb, { readonly required: readonly string[]; readonly optional: readonly string[]; readonly exclusive?: string }>
> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

export interface OaiRequest {
  readonly verb: Verb;
  readonly args: Readonly<Record<string, string>>;
}

/** Checks verb and arguments; repeated, unknown or missing ones are badArgument, an unknown verb badVerb. */
export function readRequest(params: URLSearchParams): OaiRequest {
  const verbs = params.getAll('verb');
  if (verbs.length !== 1)
    throw new OaiError('badVerb', verbs.length === 0 ? 'the verb argument is missing' : 'the verb argument is repeated');
  const verb = verbs[0] as Verb;
  const spec = ARGS[verb];
  if (!spec) throw new OaiError('badVerb', `illegal verb ${verbs[0]}`);
  const args: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (key === 'verb') continue;
    if (params.getAll(key).length > 1) throw new OaiError('badArgument', `the argument ${key} is repeated`);
    if (![...spec.required, ...spec.optional, spec.exclusive].includes(key)) throw new OaiError('badArgument', `illegal argument ${key}`);
    args[key] = params.get(key)!;
  }
  if (spec.exclusive && args[spec.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) throw new OaiError('badArgument', `${spec.exclusive} is an exclusive argument`);
    return { verb, args };
  }
  for (const key of spec.required) if (args[key] === undefined) throw new OaiError('badArgument', `the argument ${key} is missing`);
  return { verb, args };
}

/** A datestamp argument: day granularity or seconds with Z; `end` makes a day mean its last second. */
export function readDatestamp(value: string, end: boolean): { readonly ms: number; readonly granularity: 'day' | 'second' } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const second = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value);
  const m = second ?? day;
  if (!m) throw new OaiError('badArgument', `${value} is not a datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)`);
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? '0');
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d))
    throw new OaiError('badArgument', `${value} is not a valid date`);
  return { ms: day && end ? ms + 86_399_000 : ms, granularity: day ? 'day' : 'second' };
}

/** from/until of a list request: in the same granularity, from not after until. */
export function readRange(args: Readonly<Record<string, string>>): { readonly from: number; readonly until: number } {
  const from = args.from === undefined ? undefined : readDatestamp(args.from, false);
  const until = args.until === undefined ? undefined : readDatestamp(args.until, true);
  if (from && until && from.granularity !== until.granularity)
    throw new OaiError('badArgument', 'from and until have different granularities');
  const range = { from: from?.ms ?? Number.NEGATIVE_INFINITY, until: until?.ms ?? Number.POSITIVE_INFINITY };
  if (range.from > range.until) throw new OaiError('badArgument', 'from is later than until');
  return range;
}

export const formatDatestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
