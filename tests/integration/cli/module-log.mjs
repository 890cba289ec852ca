// `node --import ./module-log.mjs ...`: writes the URL of every module the
// process loads (ES modules, and CommonJS packages reached by import) to the
// file named by OB_MODULE_LOG, one per line, so a test can see what a command
// line pulled in. The hooks run on Node's loader thread.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { file: process.env.OB_MODULE_LOG } });
