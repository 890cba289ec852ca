export function sourceFiles(base?: string): string[];
export function rewriteExtension(specifier: string): string;
/** Compiles main/, devices/ and shared/ into dist/; returns the number of source files. */
export function compile(): Promise<number>;
