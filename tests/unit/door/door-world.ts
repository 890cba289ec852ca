import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from 'xstate';
import { RelayLock } from '../../../devices/door/relay-lock.ts';
import { SimulatedRelayBoard } from '../../../devices/door/simulated-board.ts';
import { SimulatedDoorSensor } from '../../../devices/door/simulated-sensor.ts';
import type { KioskDevices } from '../../../main/app/device-wiring.ts';
import { IdleScreens } from '../../../main/app/idle-screens.ts';
import { KioskShell } from '../../../main/app/kiosk-shell.ts';
import { simulatorPanel } from '../../../main/app/simulator-wiring.ts';
import type { KioskCore } from '../../../main/core/ports.ts';
import { DemoClock, type ScheduleClock } from '../../../main/door/door-clock.ts';
import { DoorController, type DoorControllerDeps } from '../../../main/door/door-controller.ts';
import { EntryCache } from '../../../main/door/entry-cache.ts';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { type BridgeConnection, BridgeHub } from '../../../main/hub/bridge-hub.ts';
import { noopMetrics } from '../../../main/metrics/kiosk-metrics.ts';
import { InstallKey } from '../../../main/security/install-key.ts';
import { PinAttempts } from '../../../main/security/pin-attempts.ts';
import { type Db, openDatabase } from '../../../main/storage/database.ts';
import { doorSchema } from '../../../shared/config/door.ts';
import { configSchema } from '../../../shared/config/schema.ts';
import type { MainMessage } from '../../../shared/contract/bridge.ts';
import type { DoorView } from '../../../shared/contract/door-view.ts';
import type { PatronInfo } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { silentLogger } from '../../../shared/logger.ts';
import { CentralDouble } from '../../doubles/central-double.ts';

/** A relay board that can also fail while plugged in (every command throws), as a board with a dying USB link does. */
export class FaultyBoard extends SimulatedRelayBoard {
  throwing = false;
  override async set(relay: number, on: boolean): Promise<void> {
    if (this.throwing) throw new OpenBranchError('device.io', 'relay board does not answer');
    return super.set(relay, on);
  }
}

/** The library system as the door sees it: up, down (known offline), or timing out on every request. */
export type CentralMode = 'up' | 'down' | 'timeout';

/**
 * The whole door with real parts and switchable faults, driven through the
 * real bridge hub as the door screen (and an attacker) would: the door
 * controller with its machine, decision, PIN attempt limit, offline entry
 * cache and entry log on a real SQLite file, a relay lock on a simulated
 * board (what "crossed the wire" is the board's command list), the
 * simulator panel exactly as the composition root gates it, and a central
 * system that can go down or time out.
 */
export class DoorWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'ob-door-world-'));
  readonly db: Db = openDatabase(join(this.dir, 'openbranch.sqlite'));
  readonly board = new FaultyBoard();
  readonly lock = new RelayLock('door-lock', this.board, 1, silentLogger);
  readonly sensor = new SimulatedDoorSensor('door-contact');
  readonly log = new EntryLog(this.db);
  readonly refused: string[] = [];
  private readonly centralDouble = new CentralDouble();
  private mode: CentralMode = 'up';
  /** `down`: the kiosk knows the link is gone; `timeout`: it looks up but nothing answers. */
  get centralMode(): CentralMode {
    return this.mode;
  }
  set centralMode(mode: CentralMode) {
    this.mode = mode;
    this.centralDouble.setHealth(mode === 'down' ? 'offline' : 'online');
  }
  wall: number;
  /** Entry-log retries waiting for the disk (the test runs them once the disk takes writes again). */
  readonly retries: (() => void)[] = [];
  door!: DoorController;
  cache!: EntryCache;
  connection!: BridgeConnection;
  private readonly key = InstallKey.ephemeral();
  private scheduleClock!: ScheduleClock;

  constructor(
    readonly demo: boolean,
    start: Date,
    private readonly patron: (card: string, pin: string | undefined) => PatronInfo,
    /** What a test wants to see or drive beyond the defaults (metrics, the watchdog, the machine's timeouts, fatal exits). */
    private readonly extra: Partial<Pick<DoorControllerDeps, 'metrics' | 'watchdogClock' | 'timing' | 'fatal'>> = {},
  ) {
    this.wall = start.getTime();
  }

  async start(): Promise<void> {
    await this.lock.open();
    await this.sensor.open();
    const demoClock = this.demo ? new DemoClock(() => this.wall) : undefined;
    this.scheduleClock = demoClock ?? { now: () => new Date(this.wall) };
    this.cache = new EntryCache(this.db, 14, this.key, () => this.wall);
    const rules = { ...doorSchema.parse({ staffCategories: ['STAFF'] }), pulseMs: 5 };
    this.door = new DoorController({
      rules,
      timeZone: 'Europe/Stockholm',
      central: this.central(),
      lock: this.lock,
      sensor: this.sensor,
      alarmOutputs: [],
      log: this.log,
      cache: this.cache,
      attempts: new PinAttempts(this.db, { wrong: 5, windowMinutes: 15 }, this.key.cardKey, () => this.wall),
      metrics: noopMetrics,
      logger: silentLogger,
      clock: this.scheduleClock,
      auditNow: () => new Date(this.wall),
      timing: { resultMs: 1 },
      watchdogClock: { now: () => 0, every: () => () => {} },
      retryTimer: {
        after: (_ms, run) => {
          this.retries.push(run);
          return () => {};
        },
      },
      ...this.extra,
    });
    const simulator = simulatorPanel({
      config: configSchema.parse({ demo: this.demo }),
      devices: { simulated: {} } as unknown as KioskDevices,
      demo: undefined,
      door: this.door,
      clock: demoClock,
      region: {},
      logger: silentLogger,
    });
    const shell = new KioskShell({ config: configSchema.parse({}), logger: silentLogger, screens: new IdleScreens(60, 10) });
    const core: KioskCore = {
      view: () => shell.view(),
      onView: (l) => shell.onView(l),
      dispatch: (e) => shell.dispatch(e),
      door: this.door,
      ...(simulator ? { simulator } : {}),
    };
    this.connection = new BridgeHub(core, silentLogger).connect((m: MainMessage) => {
      if (m.type === 'refused') this.refused.push(m.reason);
    }, 'property');
    this.connection.receive(JSON.stringify({ type: 'hello', protocol: 1 }));
  }

  /**
   * A patron at the door screen: card, PIN digit by digit, OK, over the
   * bridge. Resolves when the door is idle again, with whether the relay
   * was switched on and how the screen answered.
   */
  async enter(card: string, pin: string): Promise<{ opened: boolean; answer: DoorView | undefined }> {
    const before = this.unlocks();
    let answer: DoorView | undefined;
    const off = this.door.onView((v) => {
      // The last answer given to this patron (not the idle screen after it).
      const entry = (this.door.actor.getSnapshot().value as { entry: string }).entry;
      if (entry !== 'idle' && ['granted', 'denied', 'out-of-order'].includes(v.step)) answer = v;
    });
    this.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.card', number: card } }));
    for (const digit of pin) this.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.digit', digit } }));
    this.connection.receive(JSON.stringify({ type: 'door', event: { type: 'door.submit' } }));
    await waitFor(this.door.actor, (s) => (s.value as { entry: string }).entry === 'idle', { timeout: 10_000 });
    await this.cache.settled();
    off();
    return { opened: this.unlocks() > before, answer };
  }

  /** The time the door judges opening hours by. */
  scheduleNow(): Date {
    return this.scheduleClock.now();
  }

  /** Relay-on commands the board has received so far: each one is a door opened. */
  unlocks(): number {
    return this.board.commands.filter((c) => c === '1:on').length;
  }

  /**
   * A disk that refuses every write (full, or remounted read-only after an
   * error): SQLite itself refuses them (PRAGMA query_only), for the entry
   * log, the PIN attempts and the entry cache alike. `false` takes writes again.
   */
  disk(full: boolean): void {
    this.db.pragma(`query_only = ${full ? 'ON' : 'OFF'}`);
  }

  async stop(): Promise<void> {
    this.connection?.close();
    await this.door?.stop();
    await this.lock.close().catch(() => undefined);
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The one CentralSystem double answering with this world's patrons; `centralMode` cuts the link. */
  private central(): CentralDouble {
    return this.centralDouble.script('patronInformation', ([card, pin]) => {
      if (this.mode !== 'up') throw new OpenBranchError('sip2.timeout', 'no answer');
      return this.patron(card, pin);
    });
  }
}
