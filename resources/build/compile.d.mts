export const ENTRY_POINTS: readonly string[];
export const PRELOAD: string;
export const EXTERNAL: readonly string[];
/** Where an entry point's compiled file lands: main/cli/index.ts -> dist/main/cli/index.js. */
export function outputOf(entry: string): string;
/** Compiles main/, devices/ and shared/ into dist/; returns the number of source files compiled. */
export function compile(): Promise<number>;
