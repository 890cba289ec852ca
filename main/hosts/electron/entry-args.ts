/** What the user typed after the binary; Electron's argv has the app path in front when unpackaged. */
export function cliArgs(argv: readonly string[], packaged: boolean): string[] {
  const rest = argv.slice(packaged ? 1 : 2).filter((a) => !a.startsWith('--no-sandbox') && !a.startsWith('--ozone-platform'));
  return rest.length === 0 || rest[0]!.startsWith('--') ? ['start', ...rest] : rest;
}

/** `start` keeps the app running; every other command prints and exits. */
export function isLongRunning(args: readonly string[]): boolean {
  return args[0] === 'start' && !args.includes('--help') && !args.includes('-h');
}
