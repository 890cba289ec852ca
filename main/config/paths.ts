import { join } from 'node:path';
import envPaths from 'env-paths';

export interface KioskPaths {
  readonly data: string;
  readonly logs: string;
  readonly config: string;
}

/**
 * The OS's conventional folders (XDG on Linux, %APPDATA% on Windows,
 * ~/Library on macOS). OPENBRANCH_HOME puts everything under one folder,
 * which is what tests and a door-only install on a read-only root use.
 */
export function kioskPaths(overrides: { readonly dataDir?: string | undefined; readonly logDir?: string | undefined } = {}): KioskPaths {
  const home = process.env.OPENBRANCH_HOME;
  const os = envPaths('openbranch', { suffix: '' });
  const data = overrides.dataDir ?? (home ? join(home, 'data') : os.data);
  const logs = overrides.logDir ?? (home ? join(home, 'logs') : os.log);
  const config = home ? join(home, 'config.yaml') : join(os.config, 'config.yaml');
  return { data, logs, config };
}
