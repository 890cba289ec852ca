import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags the kiosk process runs with, set from inside the process so that
 * every way it is started carries them (the `openbranch` command, `npm start`,
 * the systemd units, the packaged Electron app): none of those needs its own
 * command line flags.
 *
 * `--semi-space-growth-factor=1`: the young generation keeps its initial
 * 1 MiB semi-spaces. By default V8 doubles them up to 16 MiB each while the
 * start allocates (config, demo catalogue, first harvest) and keeps all 32 MiB
 * resident for the rest of the day although the idle kiosk has under 1 MiB of
 * young objects. V8 reads this flag each time it would grow the space, so it
 * works when set at run time (`--max-semi-space-size` does not: it is read
 * only when the heap is made).
 */
export const KIOSK_V8_FLAGS = ['--semi-space-growth-factor=1'] as const;

/** Call first thing in the kiosk process, before the start allocates. */
export function keepYoungGenerationSmall(): void {
  for (const flag of KIOSK_V8_FLAGS) setFlagsFromString(flag);
}
