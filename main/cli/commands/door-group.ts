import type { Command } from 'commander';

/**
 * The `door` parent command. Several files add sub-commands to it
 * (`door decide`, `door pulse`), so it is created once here and found again
 * by every caller.
 */
export function doorCommand(program: Command): Command {
  const existing = program.commands.find((c) => c.name() === 'door');
  if (existing) return existing;
  return program.command('door').description('the entrance door: lock relay, contact and entry decisions');
}
