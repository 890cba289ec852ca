/**
 * Vitest global setup: the CLI and kiosk-process tests run the compiled code
 * in dist/ (as a branch PC does), so it is compiled from the current sources
 * first (esbuild, well under a second) and a test never runs a stale build.
 */
import { compile } from '../resources/build/compile.mjs';

export default async function setup(): Promise<void> {
  await compile();
}
