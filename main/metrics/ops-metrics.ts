import { Counter, Gauge, type Registry } from 'prom-client';
import type { KioskMetrics, LockupState } from './kiosk-metrics.ts';

const LOCKUP_STATES: readonly LockupState[] = ['open', 'waiting', 'armed'];
const PAPER_STATES = ['ok', 'near-end', 'out', 'unknown'] as const;
const ALARM_KINDS = ['held-open', 'forced'] as const;

/** What the night-operations series are read from (the door, the people counter, lock-up, staff actions). */
export interface OpsState {
  door: { open: boolean; alarm: string | undefined; lockdown: boolean };
  occupancy: number;
  lockup: LockupState;
  queueConflicts: number;
  readonly paper: Map<string, string>;
}

export const initialOpsState = (): OpsState => ({
  door: { open: false, alarm: undefined, lockdown: false },
  occupancy: 0,
  lockup: 'open',
  queueConflicts: 0,
  paper: new Map(),
});

type OpsMetrics = Pick<
  KioskMetrics,
  'queueConflicts' | 'doorState' | 'doorTailgate' | 'personPassed' | 'occupancy' | 'lockup' | 'staffAction' | 'printerPaper'
>;

/**
 * The series the alert rules for unstaffed hours read: door open / alarm
 * active / lockdown, tailgating, occupancy, lock-up, printer paper, queue
 * conflicts, staff actions, and the kiosk's own clock (for clock skew:
 * Prometheus compares it with its scrape time, as node_exporter's
 * node_time_seconds is used).
 */
export function registerOpsMetrics(
  registers: Registry[],
  state: OpsState,
  now: () => number,
  safeLabel: (s: string) => string,
): OpsMetrics {
  const p = 'openbranch_';
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: `${p}${name}`,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge('time_seconds', "The kiosk's wall clock at scrape time, Unix seconds (compare with timestamp())", () => now() / 1000);
  gauge('door_open', '1 while the door contact reports open', () => (state.door.open ? 1 : 0));
  gauge('door_lockdown', '1 while staff have locked the door down', () => (state.door.lockdown ? 1 : 0));
  gauge('occupancy', 'People inside by the people counter (in - out, never below 0)', () => state.occupancy);
  gauge('queue_conflicts', 'Replay conflicts staff have not marked handled', () => state.queueConflicts);
  gauge('alarm_armed', '1 while the intruder alarm is armed by the kiosk (role alarm-arm)', () => (state.lockup === 'armed' ? 1 : 0));
  new Gauge({
    name: `${p}door_alarm_active`,
    help: '1 while the door alarm of this kind is sounding',
    labelNames: ['kind'],
    registers,
    collect() {
      for (const kind of ALARM_KINDS) this.set({ kind }, state.door.alarm === kind ? 1 : 0);
    },
  });
  new Gauge({
    name: `${p}lockup_state`,
    help: '1 for the lock-up state the branch is in (open, waiting for the last person to leave, armed)',
    labelNames: ['state'],
    registers,
    collect() {
      for (const s of LOCKUP_STATES) this.set({ state: s }, state.lockup === s ? 1 : 0);
    },
  });
  new Gauge({
    name: `${p}printer_paper`,
    help: '1 for the paper state each printer last reported',
    labelNames: ['device', 'state'],
    registers,
    collect() {
      this.reset();
      for (const [device, paper] of state.paper) for (const s of PAPER_STATES) this.set({ device, state: s }, paper === s ? 1 : 0);
    },
  });
  const tailgates = new Counter({ name: `${p}door_tailgates_total`, help: 'Door cycles with more entries than grants', registers });
  const followers = new Counter({
    name: `${p}door_tailgate_followers_total`,
    help: 'People who came in behind someone else',
    registers,
  });
  const passes = new Counter({
    name: `${p}people_passes_total`,
    help: 'People counted at the door, by direction',
    labelNames: ['direction'],
    registers,
  });
  const actions = new Counter({ name: `${p}staff_actions_total`, help: 'Staff API actions', labelNames: ['action'], registers });
  for (const direction of ['in', 'out']) passes.inc({ direction }, 0);
  return {
    queueConflicts: (n) => {
      state.queueConflicts = n;
    },
    doorState: (s) => {
      state.door = { open: s.open, alarm: s.alarm, lockdown: s.lockdown };
    },
    doorTailgate: (n) => {
      tailgates.inc();
      followers.inc(n);
    },
    personPassed: (direction, occupancy) => {
      passes.inc({ direction });
      state.occupancy = occupancy;
    },
    occupancy: (n) => {
      state.occupancy = n;
    },
    lockup: (s) => {
      state.lockup = s;
    },
    staffAction: (action) => actions.inc({ action: safeLabel(action) }),
    printerPaper: (device, paper) => {
      state.paper.set(safeLabel(device), PAPER_STATES.includes(paper as never) ? paper : 'unknown');
    },
  };
}
