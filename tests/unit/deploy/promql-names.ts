/** PromQL words that are not series names: functions, keywords, labels used in `by (...)`. */
const NOT_SERIES = new Set([
  'sum',
  'count',
  'max',
  'min',
  'avg',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'rate',
  'increase',
  'irate',
  'deriv',
  'abs',
  'timestamp',
  'time',
  'histogram_quantile',
  'vector',
  'sort_desc',
  'topk',
  'max_over_time',
  'le',
  'instance',
  'job',
  'reason',
  'kind',
  'code',
  'state',
  'device',
  'direction',
  'action',
]);

/** The series names a PromQL expression reads (label matchers and ranges removed first). */
export const promqlMetricNames = (expr: string): string[] =>
  [
    ...expr
      .replace(/"[^"]*"/g, '""')
      .replace(/\{[^}]*\}/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .matchAll(/(?<![0-9.])[a-zA-Z_][a-zA-Z0-9_]*/g),
  ]
    .map((m) => m[0])
    .filter((n) => !NOT_SERIES.has(n));
