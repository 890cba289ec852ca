import type { Command } from 'commander';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the kiosk (Electron when available and --web is not given, else the web host)')
    .option('--web', 'serve the kiosk to a browser on 127.0.0.1 instead of opening an Electron window')
    .option('--port <n>', 'web host port (default from config, 5390)', (v) => Number.parseInt(v, 10))
    .option('--config <file>', 'configuration file (YAML); without it the embedded default runs')
    .option('--dev', 'developer mode: devtools allowed')
    .action(async () => {
      throw new Error('not yet implemented');
    });
}
