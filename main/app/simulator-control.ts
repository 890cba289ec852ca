import type { PrintItem } from '../../devices/printer/codec/escpos-parse.ts';
import type { DemoItemView, DemoPatronView, SimulatorAction, SimulatorState } from '../../shared/contract/simulator.ts';
import { Emitter, type Unsubscribe } from '../../shared/events.ts';
import type { Logger } from '../../shared/logger.ts';
import type { SimulatorControl } from '../core/ports.ts';
import type { SimulatedDevices } from './device-wiring.ts';

export interface DemoCatalog {
  readonly patrons: readonly DemoPatronView[];
  readonly items: readonly (DemoItemView & { readonly isil?: string })[];
  /** Any other copy the demo central system knows (the demo catalogue's), placed by barcode. */
  readonly lookup?: (itemId: string) => Promise<(DemoItemView & { readonly isil?: string }) | undefined>;
}

/** Hooks into the parts of the kiosk the panel can also change: the network and the clock. */
export interface SimulatorHooks {
  setCentralOffline?(offline: boolean): void;
  setClock?(at: Date | null): void;
  pinEntered?(pin: string): void;
  doorState?(): SimulatorState['door'];
  occupancy?(): number | null;
  onDoorChange?(listener: () => void): Unsubscribe;
}

/**
 * The simulator panel's side in main: turns panel actions into what the
 * simulated hardware would see (a card at the reader, a tag on the pad, a
 * door contact opening) and reports the simulated world back.
 */
export class SimulatorPanelControl implements SimulatorControl {
  private readonly changes = new Emitter<{ state: SimulatorState }>();
  private receipt: string[] = [];
  private centralOffline = false;
  private clock: string | null = null;

  constructor(
    private readonly devices: SimulatedDevices,
    private readonly demo: DemoCatalog,
    private readonly hooks: SimulatorHooks,
    private readonly logger: Logger,
    private readonly afiInLibrary = 0x07,
    private readonly security: 'afi' | 'eas' | 'both' = 'afi',
  ) {
    devices.pad?.onChange(() => this.publish());
    devices.sensor?.onChange(() => this.publish());
    devices.printer?.onPrinted((items) => {
      this.receipt = receiptText(items);
      this.publish();
    });
    hooks.onDoorChange?.(() => this.publish());
  }

  state(): SimulatorState {
    const pad = this.devices.pad;
    const door = this.hooks.doorState?.();
    return {
      available: true,
      patrons: [...this.demo.patrons],
      items: this.demo.items.map(({ isil: _isil, ...item }) => item),
      pad: (pad?.list() ?? []).map((tag) => ({
        uid: tag.uid,
        itemId: tag.itemId ?? '?',
        part: tag.partNumber ?? 1,
        parts: tag.partsInSet ?? 1,
        // What the exit gate checks depends on the site: the AFI byte, the EAS bit, or both.
        secured:
          this.security === 'eas'
            ? tag.eas
            : this.security === 'both'
              ? tag.afi === this.afiInLibrary || tag.eas
              : tag.afi === this.afiInLibrary,
      })),
      ...(door ? { door } : this.devices.sensor ? { door: { contact: this.devices.sensor.current(), lock: 'locked', alarm: false } } : {}),
      ...(this.devices.counter && typeof this.hooks.occupancy?.() === 'number' ? { occupancy: this.hooks.occupancy() as number } : {}),
      centralOffline: this.centralOffline,
      clock: this.clock,
      receipt: this.receipt,
    };
  }

  /** Puts the item's tag (one part, or every part) on the simulated pad, unless it is there already. */
  private place(
    item: DemoItemView & { readonly isil?: string },
    action: Extract<SimulatorAction, { type: 'sim.item.place' | 'sim.item.placeAll' }>,
  ): void {
    const pad = this.devices.pad;
    if (!pad) return;
    const parts = action.type === 'sim.item.place' ? [action.part ?? 1] : Array.from({ length: item.parts }, (_, i) => i + 1);
    const present = pad.list();
    for (const part of parts) {
      if (present.some((t) => t.itemId === item.itemId && (t.partNumber ?? 1) === part)) continue;
      pad.place({ item: { itemId: item.itemId, partsInSet: item.parts, partNumber: part, ...(item.isil ? { isil: item.isil } : {}) } });
    }
  }

  onState(listener: (state: SimulatorState) => void): Unsubscribe {
    return this.changes.on('state', listener);
  }

  act(action: SimulatorAction): void {
    const { pad, card, sensor } = this.devices;
    switch (action.type) {
      case 'sim.card.remove':
        card?.remove(action.number);
        break;
      case 'sim.card.present':
        card?.present(action.number);
        break;
      case 'sim.pin.enter':
        this.hooks.pinEntered?.(action.pin);
        break;
      case 'sim.item.place':
      case 'sim.item.placeAll': {
        const known = this.demo.items.find((i) => i.itemId === action.itemId);
        if (known) this.place(known, action);
        else
          this.demo.lookup?.(action.itemId).then(
            (item) => item && this.place(item, action),
            (e: Error) => this.logger.warn({ err: e.message }, 'simulator: the demo central system did not answer'),
          );
        break;
      }
      case 'sim.item.lift':
        pad?.lift(action.uid);
        break;
      case 'sim.pad.clear':
        pad?.clear();
        break;
      case 'sim.door.open':
        sensor?.set('open');
        break;
      case 'sim.door.close':
        sensor?.set('closed');
        break;
      case 'sim.door.exit':
        sensor?.pressExit();
        break;
      case 'sim.counter.walk':
        this.devices.counter?.walk(action.direction);
        break;
      case 'sim.central.offline':
        this.centralOffline = action.offline;
        this.hooks.setCentralOffline?.(action.offline);
        break;
      case 'sim.clock.set':
        this.clock = action.at;
        this.hooks.setClock?.(action.at ? new Date(action.at) : null);
        break;
    }
    this.logger.debug({ action: action.type }, 'simulator');
    this.publish();
  }

  private publish(): void {
    this.changes.emit('state', this.state());
  }
}

/** The printed receipt as text lines, decoded back from the ESC/POS bytes. */
function receiptText(items: readonly PrintItem[]): string[] {
  return items.flatMap((item) => {
    if (item.type === 'text') return [item.text];
    if ('data' in item && typeof item.data === 'string') return [`[${item.type}: ${item.data}]`];
    return [];
  });
}
