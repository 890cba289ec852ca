// pino-roll ships no types: the part of it the logger uses.
declare module 'pino-roll' {
  /** Opens (or continues) the numbered log file and returns its SonicBoom stream, rolling by size and frequency. */
  export default function roll(options: Record<string, unknown>): Promise<import('pino').DestinationStream>;
}
