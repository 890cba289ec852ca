import { isAlias, isPair, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { OpenBranchError } from '../../shared/errors.ts';

/** An alias may stand in for at most this many nodes in all: a real config has a handful; a "billion laughs" bomb has millions. */
const MAX_ALIAS_COUNT = 100;

const syntaxError = (file: string, where: string, message: string, cause?: unknown) =>
  new OpenBranchError('config.syntax', `${file}: YAML syntax error at ${where}: ${message}`, { file }, cause ? { cause } : undefined);

const position = (lines: LineCounter, offset: number | undefined) => {
  if (offset === undefined) return 'somewhere';
  const { line, col } = lines.linePos(offset);
  return `line ${line}, column ${col}`;
};

/**
 * The YAML of a config file as plain data, or a config.syntax error that
 * names the file and the line: every complaint of the `yaml` package, its
 * warnings (unknown tags, directives) and what it throws while building
 * the data (an unresolved alias, an alias bomb past the alias limit, an
 * alias that contains itself) included.
 */
export function readYaml(text: string, file: string): unknown {
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  } catch (e) {
    throw syntaxError(file, 'somewhere', e instanceof Error ? e.message : String(e), e);
  }
  const first: YAMLError | undefined = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const where = first.linePos?.[0] ? `line ${first.linePos[0].line}, column ${first.linePos[0].col}` : 'somewhere';
    throw syntaxError(file, where, first.message.split('\n')[0]!);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    if (selfContaining(data)) throw new Error('an alias refers to the node that contains it');
  } catch (e) {
    const alias = firstAlias(doc);
    const field = alias?.field ? ` (field ${alias.field})` : '';
    const reason = e instanceof Error ? e.message : String(e);
    const hint = /alias count/i.test(reason) ? `; aliases (*name) may stand in for at most ${MAX_ALIAS_COUNT} nodes in all` : '';
    throw syntaxError(file, `${position(lines, alias?.offset)}${field}`, `${reason}${hint}`, e);
  }
  return data;
}

/** Where the first alias (*name) is, with the dotted field it sits under. */
function firstAlias(doc: ReturnType<typeof parseDocument>): { offset: number | undefined; field: string } | undefined {
  let found: { offset: number | undefined; field: string } | undefined;
  visit(doc, {
    Alias(_, node, path) {
      const keys = path.flatMap((p) => (isPair(p) && isScalar(p.key) ? [String(p.key.value)] : []));
      found = { offset: isAlias(node) ? node.range?.[0] : undefined, field: keys.join('.') };
      return visit.BREAK;
    },
  });
  return found;
}

/** An alias inside its own anchor builds a cycle, which the schema check would chase forever. */
function selfContaining(data: unknown, open = new Set<object>()): boolean {
  if (typeof data !== 'object' || data === null) return false;
  if (open.has(data)) return true;
  open.add(data);
  const values: unknown[] = data instanceof Map ? [...data.values()] : Object.values(data);
  const cyclic = values.some((v) => selfContaining(v, open));
  open.delete(data);
  return cyclic;
}
