/**
 * Opens a data file with the start-up check, free-space floor off, and
 * prints the outcome as JSON: how SQLite's own failures on a real full
 * disk come out (run inside a private tmpfs by the test).
 */
import { openDataFile } from '../../../main/storage/data-file.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';

try {
  openDataFile(process.argv[2]!, { minFreeBytes: 0 }).close();
  console.log(JSON.stringify({ opened: true }));
} catch (e) {
  console.log(JSON.stringify(isOpenBranchError(e) ? { code: e.code, message: e.message } : { untyped: String(e) }));
}
