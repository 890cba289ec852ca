import type { CommandGroup } from './commands/registry.ts';

/**
 * One top-level command of `openbranch`: its name and one-line description
 * (what `--help` lists, with nothing imported) and the module that registers
 * it, imported only when that command runs. Several lines may share a name
 * (`door decide` and `door pulse` live in two files).
 */
export interface LazyGroup {
  readonly name: string;
  /** Given once per name (on its first line). */
  readonly description?: string;
  readonly load: () => Promise<CommandGroup>;
}

/** Every command group, in the order `--help` lists them; a new group is one line here. */
// biome-ignore format: one group per line keeps parallel branches merging cleanly
export const GROUPS: readonly LazyGroup[] = [
  { name: 'start', description: 'start the kiosk (Electron when available and --web is not given, else the web host)', load: async () => (await import('./commands/start.ts')).registerStart },
  { name: 'status', description: 'print the running kiosk health (the same as its /health and /metrics); exit 0 ok, 1 degraded, 3 not reachable', load: async () => (await import('./commands/status.ts')).registerStatus },
  { name: 'technician', description: 'technician access to the kiosk', load: async () => (await import('./commands/technician.ts')).registerTechnician },
  { name: 'rfid', description: 'RFID pads and library tags', load: async () => (await import('./commands/rfid.ts')).registerRfid },
  { name: 'devices', description: 'list serial ports and HID devices with a guess of what each one is', load: async () => (await import('./commands/devices.ts')).registerDevices },
  { name: 'door', description: 'the entrance door: lock relay, contact and entry decisions', load: async () => (await import('./commands/door-pulse.ts')).registerDoorPulse },
  { name: 'door', load: async () => (await import('./commands/door-decide.ts')).registerDoorDecide },
  { name: 'printer', description: 'receipt printer', load: async () => (await import('./commands/printer.ts')).registerPrinter },
  { name: 'card', description: 'patron card readers', load: async () => (await import('./commands/card.ts')).registerCard },
  { name: 'sip2', description: 'SIP2 tools for technicians', load: async () => (await import('./commands/sip2.ts')).registerSip2 },
  { name: 'demo', description: "the demo central system: its patrons and items, running it on its own (SIP2 and OAI-PMH), its catalogue as MARCXML", load: async () => (await import('./commands/demo.ts')).registerDemo },
  { name: 'schedule', description: 'opening hours', load: async () => (await import('./commands/schedule.ts')).registerSchedule },
  { name: 'report', description: 'staff reports', load: async () => (await import('./commands/report.ts')).registerReport },
  { name: 'queue', description: 'the offline transaction queue: status, list, replay, conflicts for staff', load: async () => (await import('./commands/queue.ts')).registerQueue },
  { name: 'catalog', description: "the local copy of the region's catalogue (OAI-PMH harvest, status, search)", load: async () => (await import('./commands/catalog.ts')).registerCatalog },
  { name: 'remote', description: "on-call staff: a branch door's status, unlock once, lock down, clear an alarm (the kiosk's staff API)", load: async () => (await import('./commands/remote.ts')).registerRemote },
];
