export type * from './card.ts';
export type * from './counter.ts';
export type * from './door.ts';
export * from './kinds.ts';
export type * from './printer.ts';
export type * from './rfid.ts';
export type * from './status.ts';
