import type * as z from 'zod';

/** "devices[1].port: expected string, got a number" style lines. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path].reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    // zod's default words for unknown keys; driver entries bring their own, with the valid options.
    const message =
      issue.code === 'unrecognized_keys' && issue.message.startsWith('Unrecognized key')
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
        : issue.message;
    return `${path || '(top level)'}: ${message}`;
  });
}
