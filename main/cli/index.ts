import { Command, CommanderError } from 'commander';
import { isOpenBranchError } from '../../shared/errors.ts';
import { registerCard } from './commands/card.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDevices } from './commands/devices.ts';
import { registerDoorDecide } from './commands/door-decide.ts';
import { registerDoorPulse } from './commands/door-pulse.ts';
import { registerPrinter } from './commands/printer.ts';
import { registerQueue } from './commands/queue.ts';
import type { CommandGroup } from './commands/registry.ts';
import { registerRemote } from './commands/remote.ts';
import { registerRfid } from './commands/rfid.ts';
import { registerSip2 } from './commands/sip2.ts';
import { registerStart } from './commands/start.ts';
import { registerStatus } from './commands/status.ts';
import { registerTechnician } from './commands/technician.ts';

/** Every command group of `openbranch`; later issues add one line each. */
// biome-ignore format: one group per line keeps parallel branches merging cleanly
const groups: CommandGroup[] = [
  registerStart,
  registerStatus,
  registerTechnician,
  registerRfid,
  registerDevices,
  registerDoorPulse,
  registerPrinter,
  registerCard,
  registerSip2,
  registerDemo,
  registerDoorDecide,
  registerQueue,
  registerRemote,
];

export function buildProgram(): Command {
  const program = new Command('openbranch')
    .description('OpenBranch: self-service library kiosk and unstaffed-branch door controller')
    .exitOverride()
    .showHelpAfterError();
  for (const register of groups) register(program);
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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
