/**
 * Request/response over a byte stream, described without I/O: the codecs
 * of the RFID readers, the input board and the printer's status query say
 * what to send and how to read the answer; devices/serial/transactor.ts
 * does the sending.
 */

/** What an incremental frame parser returns for each chunk: whole frames, and line noise it skipped. */
export type ParseEvent<F> = { readonly kind: 'frame'; readonly frame: F } | { readonly kind: 'discarded'; readonly bytes: Uint8Array };

/** An incremental parser: bytes in, frames out; `reset` drops a half frame (after a timeout). */
export interface FrameSource<F> {
  push(chunk: Uint8Array): ParseEvent<F>[];
  reset?(): void;
}

/** One request/response exchange: bytes to send, which frame answers, how to read it. */
export interface Exchange<F, T> {
  readonly request: Uint8Array;
  answers(frame: F): boolean;
  parse(frame: F): T;
}

/** Every byte as a frame of its own (single-byte answers such as a printer's status). */
export const byteFrames: FrameSource<number> = {
  push: (chunk) => Array.from(chunk, (frame) => ({ kind: 'frame' as const, frame })),
};
