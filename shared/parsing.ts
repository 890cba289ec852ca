/**
 * How the kiosk runs its zod schemas: without zod's JIT. On a schema's first parse zod compiles a
 * fast path for each object in it (`new Function`), which pays off only over many parses of one
 * schema; the kiosk parses its config and device entries once at start and a few bridge messages a
 * second, and that compiling cost ~28 ms for the embedded config alone (2.5 ms without it) and most
 * of the device start. Pass it to every parse: `schema.safeParse(value, PARSE)`.
 */
export const PARSE = { jitless: true } as const;
