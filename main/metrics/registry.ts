import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { InstallWarning } from '../../shared/contract/requests.ts';
import type { DeviceState } from '../../shared/devices/status.ts';
import { type KioskHealth, type MetricsState, toHealth } from './health.ts';
import type { KioskMetrics } from './kiosk-metrics.ts';
import { initialOpsState, registerOpsMetrics } from './ops-metrics.ts';

const DEVICE_STATES: readonly DeviceState[] = ['connecting', 'connected', 'missing', 'error', 'closed'];
/** Label values are codes; anything else (a card number by mistake, free text) becomes "other". */
const CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const safeLabel = (value: string): string => (CODE.test(value) ? value : 'other');

export interface MetricsOptions {
  readonly version: string;
  readonly branch: string;
  readonly now?: () => number;
  /** Node process metrics (RSS, heap, event-loop lag); on by default. */
  readonly processMetrics?: boolean;
  /** Demo mode, and what the install must warn about (simulated devices outside demo mode). */
  readonly demo?: boolean;
  readonly warnings?: readonly InstallWarning[];
}

export interface KioskMetricsRegistry {
  readonly metrics: KioskMetrics;
  readonly registry: Registry;
  health(): KioskHealth;
}

/** One registry per kiosk (not prom-client's global), fed through KioskMetrics. */
export function createKioskMetrics(options: MetricsOptions): KioskMetricsRegistry {
  const now = options.now ?? Date.now;
  const registry = new Registry();
  const state: MetricsState = {
    startedAt: now(),
    demo: options.demo ?? false,
    warnings: options.warnings ?? [],
    devices: new Map(),
    central: { connected: false, lastRoundTripMs: null },
    queue: { pending: 0, oldestPendingAt: null },
    door: { grants: 0, denials: new Map(), alarms: new Map() },
    lastError: null,
    ops: initialOpsState(),
  };
  const registers = [registry];
  const p = 'openbranch_';

  new Gauge({ name: `${p}build_info`, help: 'Version and branch of this kiosk', labelNames: ['version', 'branch'], registers }).set(
    { version: options.version, branch: options.branch },
    1,
  );
  new Gauge({ name: `${p}demo_mode`, help: '1 when the kiosk runs in demo mode (simulator panel, settable door clock)', registers }).set(
    state.demo ? 1 : 0,
  );
  const warningGauge = new Gauge({
    name: `${p}config_warning`,
    help: 'Install warnings: simulated devices or the demo central system outside demo mode',
    labelNames: ['code'],
    registers,
  });
  for (const w of state.warnings) warningGauge.set({ code: w.code }, 1);
  new Gauge({ name: `${p}start_time_seconds`, help: 'Start time, Unix seconds', registers }).set(state.startedAt / 1000);
  new Gauge({
    name: `${p}uptime_seconds`,
    help: 'Seconds since start',
    registers,
    collect() {
      this.set((now() - state.startedAt) / 1000);
    },
  });
  new Gauge({
    name: `${p}device_up`,
    help: '1 when the device is connected',
    labelNames: ['device', 'kind'],
    registers,
    collect() {
      this.reset();
      for (const [id, d] of state.devices) this.set({ device: id, kind: d.kind }, d.state === 'connected' ? 1 : 0);
    },
  });
  new Gauge({
    name: `${p}device_state`,
    help: '1 for the state each device is in',
    labelNames: ['device', 'kind', 'state'],
    registers,
    collect() {
      this.reset();
      for (const [id, d] of state.devices) {
        for (const s of DEVICE_STATES) this.set({ device: id, kind: d.kind, state: s }, d.state === s ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: `${p}central_connected`,
    help: '1 when the central system (SIP2) answers',
    registers,
    collect() {
      this.set(state.central.connected ? 1 : 0);
    },
  });
  const rtt = new Histogram({
    name: `${p}central_round_trip_seconds`,
    help: 'SIP2 request to response time',
    labelNames: ['command'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers,
  });
  new Gauge({
    name: `${p}queue_pending`,
    help: 'Transactions waiting to be sent to the central system',
    registers,
    collect() {
      this.set(state.queue.pending);
    },
  });
  new Gauge({
    name: `${p}queue_oldest_pending_age_seconds`,
    help: 'Age of the oldest pending transaction (0 when none)',
    registers,
    collect() {
      this.set(state.queue.oldestPendingAt === null ? 0 : Math.max(0, (now() - state.queue.oldestPendingAt) / 1000));
    },
  });
  const grants = new Counter({ name: `${p}door_grants_total`, help: 'Door entries granted', registers });
  const exits = new Counter({ name: `${p}door_exit_requests_total`, help: 'Exit button presses (the door opened from inside)', registers });
  const denials = new Counter({
    name: `${p}door_denials_total`,
    help: 'Door entries denied, by reason',
    labelNames: ['reason'],
    registers,
  });
  const alarms = new Counter({ name: `${p}door_alarms_total`, help: 'Door alarms (forced, held open)', labelNames: ['kind'], registers });
  const errors = new Counter({ name: `${p}errors_total`, help: 'Errors by code', labelNames: ['code'], registers });
  new Gauge({
    name: `${p}last_error_timestamp_seconds`,
    help: 'When the last error happened (0 when none)',
    registers,
    collect() {
      this.set(state.lastError === null ? 0 : state.lastError.at / 1000);
    },
  });
  new Gauge({
    name: `${p}last_error_info`,
    help: 'The code of the last error',
    labelNames: ['code'],
    registers,
    collect() {
      this.reset();
      if (state.lastError !== null) this.set({ code: state.lastError.code }, 1);
    },
  });
  const ops = registerOpsMetrics(registers, state.ops, now, safeLabel);
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const metrics: KioskMetrics = {
    ...ops,
    deviceStatus: (device, status) => {
      const entry = { kind: device.kind, state: status.state, since: status.since };
      state.devices.set(device.id, status.reason === undefined ? entry : { ...entry, reason: status.reason });
    },
    centralConnection: (connected) => {
      state.central.connected = connected;
    },
    centralRoundTrip: (command, seconds) => {
      rtt.observe({ command: safeLabel(command) }, seconds);
      state.central.lastRoundTripMs = Math.round(seconds * 1000);
    },
    queue: (pending, oldest) => {
      state.queue = { pending, oldestPendingAt: pending > 0 && oldest ? oldest.getTime() : null };
    },
    doorGranted: () => {
      grants.inc();
      state.door.grants += 1;
    },
    doorExit: () => exits.inc(),
    doorDenied: (reason) => {
      denials.inc({ reason: safeLabel(reason) });
      bump(state.door.denials, safeLabel(reason));
    },
    doorAlarm: (kind) => {
      alarms.inc({ kind: safeLabel(kind) });
      bump(state.door.alarms, safeLabel(kind));
    },
    error: (code) => {
      errors.inc({ code: safeLabel(code) });
      state.lastError = { code: safeLabel(code), at: now() };
    },
  };
  return { metrics, registry, health: () => toHealth(state, options.version, options.branch, now()) };
}
