/** The pure SIP2 codec: bytes <-> messages, no I/O. */
export * from './checksum.ts';
export * from './date.ts';
export * from './decode.ts';
export * from './encode.ts';
export * from './fields.ts';
export * from './framer.ts';
export * from './message.ts';
export * from './redact.ts';
export * from './requests.ts';
export * from './responses.ts';
export * from './spec.ts';
export * from './text.ts';
