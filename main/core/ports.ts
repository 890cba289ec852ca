import type { DoorEvent, DoorView } from '../../shared/contract/door-view.ts';
import type { SimulatorAction, SimulatorState } from '../../shared/contract/simulator.ts';
import type { UiEvent } from '../../shared/contract/ui-events.ts';
import type { KioskView } from '../../shared/contract/view.ts';
import type { ItemPad } from '../../shared/devices/rfid.ts';
import type { Device, DeviceKind, DeviceStatus } from '../../shared/devices/status.ts';
import type { CentralSystem } from '../../shared/domain/central.ts';
import type { Unsubscribe } from '../../shared/events.ts';

/**
 * The kiosk's ports: what the core offers the hosts and what it needs from
 * the adapters. Domain code (door, queue, machines, central) and the hub
 * depend on these interfaces; the composition root (main/app) plugs the
 * concrete parts in. This file imports shared/ only.
 */

/** The kiosk as the hosts see it: a view to draw and a sink for validated UI events. */
export interface KioskCore {
  view(): KioskView;
  onView(listener: (view: KioskView) => void): Unsubscribe;
  dispatch(event: UiEvent): void;
  /** Present only in demo mode (`demo: true`, the embedded default). */
  readonly simulator?: SimulatorControl;
  /** Present where this install runs the door controller. */
  readonly door?: DoorControl;
}

/** The simulator panel's world: demo cards and items, the simulated pad, door and network. */
export interface SimulatorControl {
  state(): SimulatorState;
  onState(listener: (state: SimulatorState) => void): Unsubscribe;
  act(action: SimulatorAction): void;
}

/** The door terminal: a view to draw and the on-screen pad's input. */
export interface DoorControl {
  view(): DoorView;
  onView(listener: (view: DoorView) => void): Unsubscribe;
  dispatch(event: DoorEvent): void;
}

/** One line of the technician's device list, and the payload of every device status event. */
export interface DeviceReport {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly driver: string;
  readonly status: DeviceStatus;
}

/** What the technician's device tests need: the list, one device to exercise, and the pad's decoded tags. */
export interface DeviceTester {
  reports(): DeviceReport[];
  get(id: string): Device | undefined;
  /** The item pad an RFID reader feeds (decoded tags, their events), if any. */
  padOf(readerId: string): ItemPad | undefined;
}

/** One answered request to the central system, for the fleet view and the technician screen. */
export interface RoundTrip {
  /** The protocol's own name of the command, e.g. SIP2 "23" or "11". */
  readonly code: string;
  readonly ms: number;
}

/**
 * The central system as the kiosk holds it: the CentralSystem the flows and
 * the door use, plus what operations needs to watch the link.
 */
export interface CentralConnection {
  readonly central: CentralSystem;
  /** Where it is, e.g. "koha.region.example:6001 (TLS)" or "127.0.0.1:40123" (the embedded demo ACS). */
  readonly address: string;
  /** The server profile in use ("koha", "generic"). */
  readonly profile: string;
  onRoundTrip(listener: (trip: RoundTrip) => void): Unsubscribe;
  /** Connects now and rejects when it cannot (the CLI); the kiosk itself connects in the background. */
  connect(): Promise<void>;
  close(): Promise<void>;
}
