import type { ByteLink } from '../../../serial/byte-link.ts';
import { concat, toHex } from '../../codec/bytes.ts';
import type { SimulatedPad } from '../../simulator/simulated-pad.ts';
import type { SimulatorOptions } from '../reader-definition.ts';
import { HW_VERSION_PROBE, ThreeMCommand } from './codec/commands.ts';
import { encodeThreeMFrame, type ThreeMFrame, ThreeMFrameParser } from './codec/frame.ts';

/** A 3M / bibliotheca 810 pad: answers the 0xD6 frames on a ByteLink from a SimulatedPad. */
export class ThreeMSimulator {
  private readonly parser = new ThreeMFrameParser();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: ByteLink,
    private readonly pad: SimulatedPad,
    private readonly options: SimulatorOptions = {},
  ) {
    this.unsubscribe = link.onData((chunk) => {
      for (const e of this.parser.push(chunk)) if (e.kind === 'frame') this.answer(e.frame);
    });
  }

  stop(): void {
    this.unsubscribe();
  }

  private answer(req: ThreeMFrame): void {
    const isProbe = req.start === 0xd5 && req.payload.every((b, i) => b === HW_VERSION_PROBE[i]);
    // Hardware version 10.5.0.2, as in the captured probe answer.
    const frame = isProbe
      ? encodeThreeMFrame(Uint8Array.of(0x04, 0x00, 0x11, 0x0a, 0x05, 0x00, 0x02), 0xd5)
      : encodeThreeMFrame(this.respond(req.payload));
    const send = () => void this.link.write(frame).catch(() => undefined);
    if (this.options.answerDelayMs) setTimeout(send, this.options.answerDelayMs);
    else send();
  }

  private respond(p: Uint8Array): Uint8Array {
    const command = p[0]!;
    const error = Uint8Array.of(command, 0x06);
    if (command === ThreeMCommand.inventory) {
      const tags = this.pad.all();
      return concat(Uint8Array.of(0xfe, 0x00, 0x00, 0x05, tags.length), ...tags.map((t) => Buffer.from(t.uid, 'hex')));
    }
    if (p.length < 9) return error;
    const uidRaw = p.subarray(1, 9);
    const tag = this.pad.get(toHex(uidRaw));
    if (!tag) return error;
    const ok = (...rest: Uint8Array[]) => concat(Uint8Array.of(command, 0x00), uidRaw, ...rest);
    const [first = 0, count = 0] = p.subarray(9);
    switch (command) {
      case ThreeMCommand.readBlocks: {
        if (count === 0 || (first + count) * 4 > tag.memory.length) return error;
        const blocks = Array.from({ length: count }, (_, i) =>
          Uint8Array.from([(first + i) & 0xff, (first + i) >> 8, ...tag.memory.subarray((first + i) * 4, (first + i) * 4 + 4)]),
        );
        return ok(Uint8Array.of(count), ...blocks);
      }
      case ThreeMCommand.writeBlocks: {
        const data = p.subarray(12);
        if (data.length !== count * 4 || (first + count) * 4 > tag.memory.length) return error;
        tag.memory.set(data, first * 4);
        this.pad.changed();
        return ok(Uint8Array.of(count));
      }
      case ThreeMCommand.readAfi:
        return ok(Uint8Array.of(tag.afi));
      case ThreeMCommand.writeAfi:
        if (p.length !== 10 || tag.afiLocked) return error;
        tag.afi = p[9]!;
        this.pad.changed();
        return ok();
      default:
        return error;
    }
  }
}
