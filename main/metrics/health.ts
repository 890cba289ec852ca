import type { InstallWarning } from '../../shared/contract/requests.ts';
import type { DeviceKind, DeviceState } from '../../shared/devices/status.ts';
import type { LockupState } from './kiosk-metrics.ts';
import type { OpsState } from './ops-metrics.ts';

/** The kiosk's health as `/health` and `openbranch status --json` print it. */
export interface KioskHealth {
  /** "ok" when every device is connected, the central system answers and nothing in the install needs a warning. */
  readonly status: 'ok' | 'degraded';
  readonly version: string;
  readonly branch: string;
  /** Demo mode (simulator panel, settable door clock): never on a real branch. */
  readonly demo: boolean;
  /** Simulated devices or the demo central system outside demo mode. */
  readonly warnings: readonly InstallWarning[];
  readonly uptimeSeconds: number;
  readonly devices: ReadonlyArray<{ id: string; kind: DeviceKind; state: DeviceState; reason?: string; since: string }>;
  readonly central: { connected: boolean; lastRoundTripMs: number | null };
  readonly queue: { pending: number; oldestPendingAgeSeconds: number | null };
  readonly door: {
    grants: number;
    denials: Record<string, number>;
    alarms: Record<string, number>;
    occupancy: number;
    lockdown: boolean;
    lockup: LockupState;
  };
  readonly lastError: { code: string; at: string } | null;
}

/** The state both /metrics and /health are read from, so they never disagree. */
export interface MetricsState {
  readonly startedAt: number;
  readonly demo: boolean;
  readonly warnings: readonly InstallWarning[];
  readonly devices: Map<string, { kind: DeviceKind; state: DeviceState; reason?: string; since: string }>;
  central: { connected: boolean; lastRoundTripMs: number | null };
  queue: { pending: number; oldestPendingAt: number | null };
  readonly door: { grants: number; denials: Map<string, number>; alarms: Map<string, number> };
  lastError: { code: string; at: number } | null;
  readonly ops: OpsState;
}

export function toHealth(state: MetricsState, version: string, branch: string, now: number): KioskHealth {
  const devices = [...state.devices].map(([id, d]) => ({ id, ...d }));
  const allUp = devices.every((d) => d.state === 'connected');
  return {
    status: allUp && state.central.connected && state.warnings.length === 0 ? 'ok' : 'degraded',
    version,
    branch,
    demo: state.demo,
    warnings: state.warnings,
    uptimeSeconds: Math.max(0, Math.round((now - state.startedAt) / 1000)),
    devices,
    central: { ...state.central },
    queue: {
      pending: state.queue.pending,
      oldestPendingAgeSeconds:
        state.queue.oldestPendingAt === null ? null : Math.max(0, Math.round((now - state.queue.oldestPendingAt) / 1000)),
    },
    door: {
      grants: state.door.grants,
      denials: Object.fromEntries(state.door.denials),
      alarms: Object.fromEntries(state.door.alarms),
      occupancy: state.ops.occupancy,
      lockdown: state.ops.door.lockdown,
      lockup: state.ops.lockup,
    },
    lastError: state.lastError === null ? null : { code: state.lastError.code, at: new Date(state.lastError.at).toISOString() },
  };
}
