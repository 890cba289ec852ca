import type { ByteLink } from '../../../serial/byte-link.ts';
import { concat, reverseEachBlock, toHex } from '../../codec/bytes.ts';
import type { SimTag, SimulatedPad } from '../../simulator/simulated-pad.ts';
import type { SimulatorOptions } from '../reader-definition.ts';
import { BLOCK_SIZE, FeigCommand, FeigIso, INVENTORY_MORE, NxpEas } from './codec/commands.ts';
import { encodeFeigFrame, type FeigFrame, FeigFrameParser, type FeigFraming } from './codec/frame.ts';

export interface FeigSimulatorOptions extends SimulatorOptions {
  /** Reader bus address (COM-ADR); 0xFF requests are answered too. */
  readonly address?: number;
}

/**
 * A FEIG ISC reader in ISO-host mode: answers the real frames on a ByteLink
 * from the tags on a SimulatedPad. Block data goes out byte-reversed, as the
 * real readers send it.
 */
export class FeigSimulator {
  private readonly parser = new FeigFrameParser();
  private readonly address: number;
  private pendingTags: SimTag[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: ByteLink,
    private readonly pad: SimulatedPad,
    private readonly options: FeigSimulatorOptions = {},
  ) {
    this.address = options.address ?? 0x00;
    this.unsubscribe = link.onData((chunk) => {
      for (const e of this.parser.push(chunk)) if (e.kind === 'frame') this.answer(e.frame);
    });
  }

  stop(): void {
    this.unsubscribe();
  }

  private answer(req: FeigFrame): void {
    if (req.address !== this.address && req.address !== 0xff) return;
    const body = this.respond(req);
    const frame = encodeFeigFrame({ framing: req.framing, address: this.address, command: req.command, data: body });
    const send = () => void this.link.write(frame).catch(() => undefined);
    if (this.options.answerDelayMs) setTimeout(send, this.options.answerDelayMs);
    else send();
  }

  private respond(req: FeigFrame): Uint8Array {
    const d = req.data;
    if (req.command === FeigCommand.softwareVersion) return Uint8Array.of(0x00, 0x03, 0x03, 0x00, 0x44, 0x53, 0x0d, 0x30);
    if (req.command === FeigCommand.isoHost && d[0] === FeigIso.inventory)
      return this.inventory(req.framing, ((d[1] ?? 0) & INVENTORY_MORE) !== 0);
    if (req.command === FeigCommand.nxpCustom) return this.nxp(d);
    if (req.command !== FeigCommand.isoHost) return Uint8Array.of(0x80);
    const addressed = d[1] === 0x01 && d.length >= 10;
    const tag = addressed ? this.pad.get(toHex(d.subarray(2, 10))) : undefined;
    if (!addressed) return Uint8Array.of(0x81);
    if (!tag) return Uint8Array.of(0x01);
    const rest = d.subarray(10);
    switch (d[0]) {
      case FeigIso.readMultiple:
        return this.read(tag, rest[0] ?? 0, rest[1] ?? 0);
      case FeigIso.writeMultiple:
        return this.write(tag, rest);
      case FeigIso.systemInfo:
        return Uint8Array.of(
          0x00,
          tag.dsfid,
          ...d.subarray(2, 10),
          tag.afi,
          (tag.memory.length / BLOCK_SIZE - 1) & 0xff,
          BLOCK_SIZE - 1,
          0x01,
        );
      case FeigIso.writeAfi:
        if (rest.length !== 1) return Uint8Array.of(0x81);
        if (tag.afiLocked) return Uint8Array.of(0x95, 0x12); // ISO 15693 error 0x12: block locked
        tag.afi = rest[0]!;
        this.pad.changed();
        return Uint8Array.of(0x00);
      default:
        return Uint8Array.of(0x82);
    }
  }

  /** Data sets per answer: a standard frame (LEN <= 255) holds 24 of 10 bytes. */
  private inventory(framing: FeigFraming, more: boolean): Uint8Array {
    if (!more) this.pendingTags = this.pad.all();
    const tags = this.pendingTags.splice(0, framing === 'standard' ? 24 : 200);
    if (tags.length === 0) return Uint8Array.of(0x01);
    const sets = tags.map((t) => Uint8Array.from([0x03, t.dsfid, ...Buffer.from(t.uid, 'hex')]));
    return concat(Uint8Array.of(this.pendingTags.length > 0 ? 0x94 : 0x00, tags.length), ...sets);
  }

  private read(tag: SimTag, first: number, count: number): Uint8Array {
    if (count === 0 || (first + count) * BLOCK_SIZE > tag.memory.length) return Uint8Array.of(0x95, 0x10); // block not available
    const blocks: Uint8Array[] = [];
    for (let i = 0; i < count; i++) {
      const at = (first + i) * BLOCK_SIZE;
      blocks.push(Uint8Array.of(0x00), reverseEachBlock(tag.memory.subarray(at, at + BLOCK_SIZE)));
    }
    return concat(Uint8Array.of(0x00, count, BLOCK_SIZE), ...blocks);
  }

  private write(tag: SimTag, rest: Uint8Array): Uint8Array {
    const [first = 0, count = 0, size = 0] = rest;
    const data = rest.subarray(3);
    if (size !== BLOCK_SIZE || data.length !== count * size) return Uint8Array.of(0x81);
    if ((first + count) * BLOCK_SIZE > tag.memory.length) return Uint8Array.of(0x95, 0x10);
    tag.memory.set(reverseEachBlock(data), first * BLOCK_SIZE);
    this.pad.changed();
    return Uint8Array.of(0x00);
  }

  /** [0xB1] request: MFR, NXP command, MODE (addressed), UID. */
  private nxp(d: Uint8Array): Uint8Array {
    if (d[0] !== NxpEas.manufacturer || d[2] !== 0x01 || d.length < 11) return Uint8Array.of(0x81);
    const tag = this.pad.get(toHex(d.subarray(3, 11)));
    if (!tag) return Uint8Array.of(0x01);
    const command = d[1]!;
    if (!tag.uid.startsWith('E004')) return Uint8Array.of(0x95, 0x01); // only NXP chips know EAS
    if (command === NxpEas.set || command === NxpEas.reset) {
      tag.eas = command === NxpEas.set;
      this.pad.changed();
    } else if (command === NxpEas.alarm) return tag.eas ? concat(Uint8Array.of(0x00), new Uint8Array(32).fill(0xa5)) : Uint8Array.of(0x01);
    else return Uint8Array.of(0x82);
    return Uint8Array.of(0x00);
  }
}
