import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../../../main/cli/groups.ts';
import { buildProgram } from '../../../main/cli/index.ts';

/**
 * The README's command table against the CLI's own help: every command the
 * CLI has is a row, every row is a command, every flag a row shows exists,
 * and every flag a command requires is shown.
 */
const root = resolve(import.meta.dirname, '../../..');

interface Row {
  readonly paths: string[];
  readonly flags: string[];
}

/** `| \`openbranch rfid secure\|release --uid UID [--security S]\` | ... |` -> paths and flags. */
function readmeRows(): Row[] {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## The `openbranch` command'));
  const table = section.slice(0, section.indexOf('\n## '));
  return [...table.matchAll(/^\| `openbranch ([^`]+)` \|/gm)].map((m) => {
    const words = m[1]!.replaceAll('\\|', '|').split(/\s+/);
    // The command words come first: lower-case names (`a|b` for two commands); then arguments and flags.
    const isName = (w: string) => /^[a-z0-9][a-z0-9-]*(\|[a-z0-9][a-z0-9-]*)*$/.test(w);
    const end = words.findIndex((w) => !isName(w));
    const path = end === -1 ? words : words.slice(0, end);
    const alternatives = path.at(-1)!.split('|');
    const flags = [...m[1]!.matchAll(/--[a-z0-9-]+/g)].map((f) => f[0]);
    return { paths: alternatives.map((a) => [...path.slice(0, -1), a].join(' ')), flags };
  });
}

interface Leaf {
  readonly path: string;
  readonly flags: string[];
  readonly required: string[];
}

async function cliLeaves(): Promise<Leaf[]> {
  const leaves: Leaf[] = [];
  const walk = (c: Command, path: string[]) => {
    if (c.commands.length > 0) for (const sub of c.commands) walk(sub, [...path, sub.name()]);
    else
      leaves.push({
        path: path.join(' '),
        flags: c.options.flatMap((o) => (o.long ? [o.long] : [])),
        required: c.options.filter((o) => o.mandatory).flatMap((o) => (o.long ? [o.long] : [])),
      });
  };
  for (const name of new Set(GROUPS.map((g) => g.name))) {
    const program = await buildProgram([name]);
    walk(program.commands.find((c) => c.name() === name)!, [name]);
  }
  return leaves;
}

describe("the README's command table", () => {
  it('lists exactly the commands the CLI has', async () => {
    const documented = readmeRows().flatMap((r) => r.paths);
    const commands = (await cliLeaves()).map((l) => l.path);
    expect([...documented].sort(), 'add a row to the table in README.md "The `openbranch` command"').toEqual([...commands].sort());
  });

  it('shows only flags the commands take, and every flag a command requires', async () => {
    const leaves = new Map((await cliLeaves()).map((l) => [l.path, l]));
    for (const row of readmeRows()) {
      for (const path of row.paths) {
        const leaf = leaves.get(path);
        if (!leaf) continue; // the first test names it
        for (const flag of row.flags) expect(leaf.flags, `${path} has no ${flag}`).toContain(flag);
        for (const flag of leaf.required) expect(row.flags, `the row of ${path} should show ${flag}`).toContain(flag);
      }
    }
  });
});
