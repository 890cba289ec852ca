import type { Command } from 'commander';
import { OpenBranchError } from '../../../shared/errors.ts';
import { configPathFrom } from '../../security/cli-config.ts';
import { checkConfigPermissions } from '../../security/config-permissions.ts';
import { readPin } from '../../security/pin-input.ts';
import { setTechnicianPin } from '../../security/set-pin.ts';

export function registerTechnician(program: Command): void {
  const technician = program.command('technician').description('technician access to the kiosk');
  technician
    .command('set-pin')
    .description('store a new technician PIN (as an scrypt hash) in the config file; the PIN is asked, or read from stdin')
    .option('--config <file>', 'configuration file (default $OPENBRANCH_CONFIG)')
    .action(async (opts: { config?: string }) => {
      const file = configPathFrom(opts.config);
      if (file === undefined) throw new OpenBranchError('cli.no-config', 'give the config file with --config or $OPENBRANCH_CONFIG');
      const pin = await readPin(process.stdin, process.stderr);
      await setTechnicianPin(file, pin);
      console.log(`technician PIN hash written to ${file}`);
      for (const f of checkConfigPermissions(file)) console.warn(`warning: ${f.code} (mode ${f.mode}); fix: ${f.fix}`);
    });
}
