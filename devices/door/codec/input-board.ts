import type { FrameSource } from '../../serial/codec/exchange.ts';

/**
 * The line protocol for a microcontroller input board (an Arduino or a
 * Pico reading dry contacts), defined by OpenBranch:
 *
 *   board -> host   `IN<n>=<0|1>\n`   input n changed (n from 1), or on request
 *   host  -> board  `?\n`             report every input now (one line each)
 *
 * CR before LF is accepted; other lines are reported as `discarded`. A board
 * reports all inputs on power-up, so a freshly opened port learns the state.
 */
export interface InputLevel {
  readonly input: number;
  readonly level: 0 | 1;
}

export type InputBoardParsed = ({ readonly type: 'level' } & InputLevel) | { readonly type: 'discarded'; readonly line: string };

export const QUERY = Uint8Array.of(0x3f, 0x0a);

export function encodeLevel(input: number, level: 0 | 1): Uint8Array {
  return new TextEncoder().encode(`IN${input}=${level}\n`);
}

export class InputBoardParser {
  private buffer = '';

  constructor(private readonly maxLine = 64) {}

  push(chunk: Uint8Array): InputBoardParsed[] {
    this.buffer += Array.from(chunk, (b) => String.fromCharCode(b)).join('');
    const out: InputBoardParsed[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      const m = /^IN(\d{1,2})=([01])$/.exec(line);
      if (m) out.push({ type: 'level', input: Number(m[1]), level: m[2] === '1' ? 1 : 0 });
      else if (line.length > 0) out.push({ type: 'discarded', line });
      nl = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > this.maxLine) {
      out.push({ type: 'discarded', line: this.buffer });
      this.buffer = '';
    }
    return out;
  }
}

/** The board's lines as frames for a Transactor: levels are frames, other lines are line noise. */
export function inputBoardFrames(): FrameSource<InputLevel> {
  const parser = new InputBoardParser();
  return {
    push: (chunk) =>
      parser
        .push(chunk)
        .map((p) => (p.type === 'level' ? { kind: 'frame', frame: p } : { kind: 'discarded', bytes: new TextEncoder().encode(p.line) })),
  };
}
