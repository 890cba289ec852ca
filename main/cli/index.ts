import { Command, CommanderError } from 'commander';
import { isOpenBranchError } from '../../shared/errors.ts';
import { GROUPS, type LazyGroup } from './groups.ts';
import { keepYoungGenerationSmall } from './young-generation.ts';

/** The top-level command a command line asks for (`help X` asks for X), if any. */
export function requestedGroup(args: readonly string[]): string | undefined {
  const positional = args.filter((a) => !a.startsWith('-'));
  return positional[0] === 'help' ? positional[1] : positional[0];
}

/**
 * The `openbranch` program for one command line: the groups it runs are
 * imported and registered in full; every other group is listed by name and
 * description only, so `--help` and a single command load nothing else.
 */
export async function buildProgram(args: readonly string[], groups: readonly LazyGroup[] = GROUPS): Promise<Command> {
  const program = new Command('openbranch')
    .description('OpenBranch: self-service library kiosk and unstaffed-branch door controller')
    .exitOverride()
    .showHelpAfterError();
  const wanted = requestedGroup(args);
  const described = new Map<string, string>();
  for (const g of groups) if (g.description !== undefined && !described.has(g.name)) described.set(g.name, g.description);
  for (const [name, description] of described) {
    if (name !== wanted) {
      program.command(name).description(description);
      continue;
    }
    for (const group of groups.filter((g) => g.name === name)) (await group.load())(program);
    program.commands.find((c) => c.name() === name)?.description(description);
  }
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // The kiosk runs all day: its heap is sized for idle before anything of it loads.
  if (requestedGroup(argv.slice(2)) === 'start') keepYoungGenerationSmall();
  try {
    const program = await buildProgram(argv.slice(2));
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isOpenBranchError(e)) {
      console.error(`openbranch: ${e.message} [${e.code}]`);
      return 2;
    }
    console.error(e);
    return 70;
  }
}
