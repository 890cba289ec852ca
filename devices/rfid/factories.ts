import type { DeviceConfig } from '../../shared/config/devices/index.ts';
import { type RfidOptions, rfidOptionsSchema } from '../../shared/config/devices/rfid.ts';
import type { RfidReader } from '../../shared/devices/rfid.ts';
import { OpenBranchError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import { feigProtocol } from './codec/feig-commands.ts';
import type { ReaderProtocol } from './codec/protocol.ts';
import { threeMProtocol } from './codec/threem-commands.ts';
import { SerialRfidReader } from './drivers/serial-rfid-reader.ts';
import { FeigSimulator } from './simulator/feig-simulator.ts';
import { SimulatedPad } from './simulator/simulated-pad.ts';
import { ThreeMSimulator } from './simulator/threem-simulator.ts';
import type { LinkFactory, Parity } from './transport/link.ts';
import { createMemoryLinkPair, type MemoryLink } from './transport/memory-link.ts';
import { SerialLink } from './transport/serial-link.ts';

export interface FactoryContext {
  readonly logger: Logger;
}

export function rfidOptions(config: DeviceConfig): RfidOptions {
  const parsed = rfidOptionsSchema.safeParse(config);
  if (!parsed.success) {
    throw new OpenBranchError(
      'config.rfid',
      `device ${config.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

const DEFAULT_LINE: Record<'feig' | '3m', { baud: number; parity: Parity }> = {
  feig: { baud: 38400, parity: 'even' },
  '3m': { baud: 19200, parity: 'none' },
};

export function serialSettings(o: RfidOptions, kind: 'feig' | '3m') {
  if (!o.port) throw new OpenBranchError('config.rfid', `driver ${kind} needs a port`);
  return { path: o.port, baudRate: o.baud ?? DEFAULT_LINE[kind].baud, parity: o.parity ?? DEFAULT_LINE[kind].parity };
}

function reader<F>(
  config: DeviceConfig,
  o: RfidOptions,
  protocol: ReaderProtocol<F>,
  link: LinkFactory,
  ctx: FactoryContext,
  driver: string,
) {
  return new SerialRfidReader({
    id: config.id,
    driver,
    protocol,
    link,
    logger: ctx.logger.child({ device: config.id, driver }),
    pollIntervalMs: o.pollIntervalMs,
    timeoutMs: o.timeoutMs,
    missesToRemove: o.missesToRemove,
    reconnectMs: o.reconnectMs,
    timeoutsToLose: 3,
  });
}

/** The reader for a wire protocol over any link (serial port, memory cable to a simulator). */
export function readerFor(
  kind: 'feig' | '3m',
  config: DeviceConfig,
  o: RfidOptions,
  link: LinkFactory,
  ctx: FactoryContext,
  driver: string = kind,
) {
  return kind === 'feig'
    ? reader(config, o, feigProtocol({ address: o.address, framing: o.framing }), link, ctx, driver)
    : reader(config, o, threeMProtocol(), link, ctx, driver);
}

/** FEIG ISC.MR/LR/CPR reader in ISO-host mode on a serial port. */
export function createFeigReader(config: DeviceConfig, ctx: FactoryContext): RfidReader {
  const o = rfidOptions({ ...config, driver: 'feig' });
  const line = serialSettings(o, 'feig');
  return readerFor('feig', config, o, () => new SerialLink(line), ctx);
}

/** 3M / bibliotheca 210 or 810 pad on a serial port. */
export function createThreeMReader(config: DeviceConfig, ctx: FactoryContext): RfidReader {
  const o = rfidOptions({ ...config, driver: '3m' });
  const line = serialSettings(o, '3m');
  return readerFor('3m', config, o, () => new SerialLink(line), ctx);
}

export type SimulatedRfidReader = RfidReader & { readonly pad: SimulatedPad; readonly cable: MemoryLink };

/**
 * The embedded default: the real FEIG (or 3M) driver talking bytes to the
 * matching simulator through an in-memory cable. `pad` places and lifts tags;
 * `cable.unplug()` pulls the cable (the driver reconnects after reconnectMs).
 */
export function createSimulatedReader(config: DeviceConfig, ctx: FactoryContext): SimulatedRfidReader {
  const o = rfidOptions({ ...config, driver: 'simulated' });
  const pad = new SimulatedPad();
  const [driverEnd, simEnd] = createMemoryLinkPair();
  void simEnd.open();
  if (o.simulate === 'feig') new FeigSimulator(simEnd, pad, { address: o.address === 255 ? 0 : o.address });
  else new ThreeMSimulator(simEnd, pad);
  const r = readerFor(o.simulate, config, o, () => driverEnd, ctx, 'simulated');
  return Object.assign(r, { pad, cable: driverEnd });
}

export const rfidReaderFactories = {
  feig: createFeigReader,
  '3m': createThreeMReader,
  simulated: createSimulatedReader,
} as const satisfies Record<string, (config: DeviceConfig, ctx: FactoryContext) => RfidReader>;
