import type { Command } from 'commander';
import { listDevices } from '../../devices/discover.ts';

export function registerDevices(program: Command): void {
  program
    .command('devices')
    .description('list serial ports and HID devices with a guess of what each one is')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { devices, warnings } = await listDevices();
      for (const w of warnings) console.error(`warning: ${w}`);
      if (o.json) {
        console.log(JSON.stringify(devices, null, 2));
        return;
      }
      if (devices.length === 0) console.log('no serial ports or HID devices found');
      for (const d of devices) {
        const id = d.vendorId ? `${d.vendorId}:${d.productId}` : '----:----';
        const name = [d.manufacturer, d.product].filter(Boolean).join(' ');
        console.log(`${d.bus.padEnd(6)} ${id}  ${d.path}${name ? `  ${name}` : ''}${d.guess ? `\n       -> ${d.guess}` : ''}`);
      }
    });
}
