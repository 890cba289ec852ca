/**
 * Fuzz benchmark (`npm run bench -- fuzz`; not part of `npm test`): a
 * million inputs each through the SIP2 decoder (framer and message
 * decoder), both tag decoders (ISO 28560-3 and -2), the FEIG and 3M frame
 * parsers (with the protocols' answer parsing on every frame they find)
 * and the ESC/POS parser. Inputs are mutated valid vectors and random
 * bytes, cut into chunks as a line delivers them. Expected: no exception
 * but OpenBranchError, and no input slower than 5 ms. Time is CPU time
 * (process.cpuUsage): the machine is shared, and wall time there measures
 * the neighbours; wall time is printed beside it. Prints the counts, the
 * slowest input per target (as measured in the stream, garbage collection
 * included, and re-run alone), a reference pass over the same bytes, and
 * the total time. OB_FUZZ_INPUTS and OB_FUZZ_SEED change the run; a
 * failing input is printed with its index to be made again.
 */

import { EscPosParser } from '../../devices/printer/codec/escpos-parse.ts';
import { toHex } from '../../devices/rfid/codec/bytes.ts';
import { decodeIso28560Part2 } from '../../devices/rfid/codec/iso28560-2.ts';
import { decodeIso28560Part3 } from '../../devices/rfid/codec/iso28560-3.ts';
import type { ReaderProtocol } from '../../devices/rfid/codec/protocol.ts';
import { threeMProtocol } from '../../devices/rfid/readers/3m/codec/commands.ts';
import { feigProtocol } from '../../devices/rfid/readers/feig/codec/commands.ts';
import { decodeMessage, Sip2Framer } from '../../main/central/sip2/codec/index.ts';
import { isOpenBranchError } from '../../shared/errors.ts';
import { InputMaker } from './fuzz-inputs.ts';
import { escposVectors, feigVectors, iso28560Part2Vectors, iso28560Part3Vectors, sip2Vectors, threeMVectors } from './fuzz-vectors.ts';
import { nowMs } from './stats.ts';

const INPUTS = Number(process.env.OB_FUZZ_INPUTS ?? 1_000_000);
const SEED = Number(process.env.OB_FUZZ_SEED ?? 20_261_130);
const BUDGET_MS = 5;
/** Inputs re-run alone: the stream's slowest are often small inputs a garbage collection landed on. */
const KEEP_SLOWEST = 50;

interface Target {
  readonly name: string;
  readonly vectors: Uint8Array[];
  /** Worst cases made by hand (what random mutation rarely hits): each timed alone against the same budget. */
  readonly adversarial: ReadonlyArray<{ readonly name: string; readonly input: Uint8Array; readonly chunk: number }>;
  /** Runs one input, delivered as these chunks, through a fresh parser or decoder; frame parsers say what they found. */
  run(input: Uint8Array, chunks: readonly Uint8Array[]): Found | undefined;
}

/** Frames a parser found in one input, the answer parses tried on them, and how many of those refused the frame (typed). */
interface Found {
  frames: number;
  parses: number;
  refused: number;
}

/** Every answer parse the driver would try on a frame the parser found; counts the typed refusals. */
function answerParses<F>(protocol: ReaderProtocol<F>): (frame: F, found: Found) => void {
  const exchanges = [protocol.inventory(), protocol.readBlocks('E004010012345678', 0, 2), protocol.readAfi('E004010012345678')];
  return (frame, found) => {
    found.frames++;
    for (const x of exchanges)
      try {
        if (!x.answers(frame)) continue;
        found.parses++;
        x.parse(frame);
      } catch (e) {
        if (!isOpenBranchError(e)) throw e;
        found.refused++;
      }
  };
}

/** `pattern` repeated to `size` bytes. */
const repeated = (pattern: readonly number[], size: number) => Uint8Array.from({ length: size }, (_, i) => pattern[i % pattern.length]!);

function frameTarget<F>(name: string, protocol: ReaderProtocol<F>, vectors: Uint8Array[], claims: readonly number[]): Target {
  const parse = answerParses(protocol);
  return {
    name,
    vectors,
    // Line noise that keeps claiming long frames, a byte at a time and in one push (finding 7's 16 KB).
    adversarial: [
      { name: '16 KB of long-frame headers, a byte at a time', input: repeated(claims, 16_384), chunk: 1 },
      { name: '64 KB of long-frame headers in one push', input: repeated(claims, 65_536), chunk: 65_536 },
    ],
    run: (_, chunks) => {
      const parser = protocol.createParser();
      const found = { frames: 0, parses: 0, refused: 0 };
      for (const c of chunks) for (const e of parser.push(c)) if (e.kind === 'frame') parse(e.frame, found);
      return found;
    },
  };
}

const targets: Target[] = [
  {
    name: 'SIP2 decoder (framer + messages)',
    vectors: sip2Vectors(),
    adversarial: [
      { name: '60 KB without a CR in 64-byte packets', input: repeated([0x41], 60_000), chunk: 64 },
      { name: '16 KB without a CR, a byte at a time', input: repeated([0x41], 16_384), chunk: 1 },
      { name: '60 KB of fields, one message', input: repeated([0x7c, 0x41, 0x41], 60_000), chunk: 1460 },
    ],
    run: (input, chunks) => {
      const framer = new Sip2Framer();
      for (const c of chunks) for (const frame of framer.push(c)) decodeMessage(frame, { pipeEscape: '&#124;' });
      decodeMessage(input, { encoding: 'latin1' });
      return undefined;
    },
  },
  {
    name: 'ISO 28560-3 tag decoder',
    vectors: iso28560Part3Vectors(),
    adversarial: [{ name: 'a whole 8 KB tag memory of optional blocks', input: repeated([0x11, 0xff], 8192), chunk: 8192 }],
    run: (input) => void decodeIso28560Part3(input),
  },
  {
    name: 'ISO 28560-2 tag decoder',
    vectors: iso28560Part2Vectors(),
    adversarial: [{ name: 'an 8 KB tag memory of data sets', input: repeated([0x1f, 0x7f, 0x01], 8192), chunk: 8192 }],
    run: (input) => void decodeIso28560Part2(input),
  },
  frameTarget('FEIG frame parser', feigProtocol({ address: 0xff, framing: 'standard' }), feigVectors(), [0x02, 0x0f, 0xff]),
  frameTarget('3M frame parser', threeMProtocol(), threeMVectors(), [0xd6, 0x03, 0xf0]),
  {
    name: 'ESC/POS parser',
    vectors: escposVectors(),
    adversarial: [
      {
        name: 'a 64 KB QR store a byte at a time',
        input: Uint8Array.from([0x1d, 0x28, 0x6b, 0xff, 0xff, ...repeated([0x31], 65_535)]),
        chunk: 1,
      },
      {
        name: '200 KB of text and control bytes in one push',
        input: repeated([0x41, 0x1b, 0x45, 0x01, 0x07, 0x0a], 204_800),
        chunk: 204_800,
      },
    ],
    run: (_, chunks) => {
      const parser = new EscPosParser();
      for (const c of chunks) parser.push(c);
      return undefined;
    },
  },
];

/** CPU time of this process so far, in milliseconds. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Slow {
  /** CPU time. */
  readonly ms: number;
  readonly wallMs: number;
  readonly index: number;
  readonly input: Uint8Array;
  readonly chunks: readonly Uint8Array[];
}

/** The floor any parser pays: every byte touched once. */
function touch(input: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < input.length; i++) sum += input[i]!;
  return sum;
}

/** Best of five runs of one input alone (CPU and wall ms), its outcome already counted. */
function timedAlone(target: Target, input: Uint8Array, chunks: readonly Uint8Array[]): { ms: number; wallMs: number; untyped?: string } {
  let best = { ms: Number.POSITIVE_INFINITY, wallMs: Number.POSITIVE_INFINITY };
  let untyped: string | undefined;
  for (let k = 0; k < 5; k++) {
    const w = nowMs();
    const t = cpuMs();
    try {
      target.run(input, chunks);
    } catch (e) {
      if (!isOpenBranchError(e)) untyped = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const ms = cpuMs() - t;
    if (ms < best.ms) best = { ms, wallMs: nowMs() - w };
  }
  return { ...best, ...(untyped ? { untyped } : {}) };
}

function fuzz(target: Target, seed: number) {
  const maker = new InputMaker(seed, target.vectors);
  const counts = { result: 0, typed: 0, untyped: 0 };
  const frames = { frames: 0, parses: 0, refused: 0 };
  const untyped: string[] = [];
  let slowest: Slow[] = [];
  let spent = 0;
  let reference = 0;
  let bytes = 0;
  let sink = 0;
  for (let index = 0; index < INPUTS; index++) {
    const input = maker.next();
    const chunks = maker.chunks(input);
    bytes += input.length;
    const w0 = nowMs();
    const t0 = cpuMs();
    try {
      const found = target.run(input, chunks);
      counts.result++;
      if (found) {
        frames.frames += found.frames;
        frames.parses += found.parses;
        frames.refused += found.refused;
      }
    } catch (e) {
      if (isOpenBranchError(e)) counts.typed++;
      else {
        counts.untyped++;
        if (untyped.length < 3)
          untyped.push(`#${index} ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} <- ${toHex(input.subarray(0, 48))}`);
      }
    }
    const t1 = cpuMs();
    const wallMs = nowMs() - w0;
    sink += touch(input);
    reference += cpuMs() - t1;
    const ms = t1 - t0;
    spent += ms;
    if (slowest.length < KEEP_SLOWEST || ms > slowest[slowest.length - 1]!.ms) {
      slowest = [...slowest, { ms, wallMs, index, input, chunks }].sort((a, b) => b.ms - a.ms).slice(0, KEEP_SLOWEST);
    }
  }
  // The stream's slowest may be a garbage collection that landed on them: run each alone, best of five.
  const alone = slowest.map((s) => ({ ...s, ...timedAlone(target, s.input, s.chunks) }));
  const worst = alone.sort((a, b) => b.ms - a.ms)[0]!;
  const adversarial = target.adversarial.map((a) => {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < a.input.length; at += a.chunk) chunks.push(a.input.subarray(at, at + a.chunk));
    return { name: a.name, ...timedAlone(target, a.input, chunks) };
  });
  return { counts, frames, untyped, spent, reference, bytes, streamWorst: slowest[0]!, worst, adversarial, sink };
}

export default async function (): Promise<void> {
  const started = nowMs();
  let failures = 0;
  console.log(`${INPUTS.toLocaleString('en')} inputs per target, seed ${SEED}, budget ${BUDGET_MS} ms per input`);
  for (const [i, target] of targets.entries()) {
    const r = fuzz(target, SEED + i);
    const per = (ms: number) => `${((ms / INPUTS) * 1000).toFixed(2)} µs`;
    const pct = (n: number) => `${((100 * n) / INPUTS).toFixed(1)}%`;
    const ok = r.counts.untyped === 0 && r.worst.ms < BUDGET_MS && r.adversarial.every((a) => a.ms < BUDGET_MS && a.untyped === undefined);
    if (!ok) failures++;
    console.log(`\n${target.name}: ${ok ? 'ok' : 'FAILED'}`);
    console.log(
      `  inputs: ${r.counts.result.toLocaleString('en')} results (${pct(r.counts.result)}), ${r.counts.typed.toLocaleString('en')} typed errors (${pct(r.counts.typed)}), ${r.counts.untyped} untyped`,
    );
    if (r.frames.frames > 0)
      console.log(
        `  frames found: ${r.frames.frames.toLocaleString('en')}; the driver's answer parsing tried ${r.frames.parses.toLocaleString('en')} times on them and refused ${r.frames.refused.toLocaleString('en')} (typed errors)`,
      );
    console.log(
      `  CPU time: ${(r.spent / 1000).toFixed(1)} s, ${per(r.spent)} per input (reference, every byte touched once: ${per(r.reference)}); ${(r.bytes / 1e6).toFixed(0)} MB in all`,
    );
    console.log(
      `  slowest input: ${r.worst.ms.toFixed(3)} ms CPU run alone (${r.worst.wallMs.toFixed(3)} ms wall; #${r.worst.index}, ${r.worst.input.length} bytes in ${r.worst.chunks.length} chunks); ${r.streamWorst.ms.toFixed(3)} ms CPU as measured in the stream`,
    );
    for (const a of r.adversarial)
      console.log(
        `  worst case by hand, ${a.name}: ${a.ms.toFixed(3)} ms CPU (${a.wallMs.toFixed(3)} ms wall)${a.untyped ? `; untyped ${a.untyped}` : ''}`,
      );
    for (const u of r.untyped) console.log(`  untyped: ${u}`);
  }
  console.log(
    `\nfuzz total: ${((nowMs() - started) / 1000).toFixed(1)} s, ${failures === 0 ? 'every target ok' : `${failures} target(s) FAILED`}`,
  );
}
