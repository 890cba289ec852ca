/** True while the process lives (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group exists (signal 0 only checks). */
export function groupAlive(pgid: number): boolean {
  return processAlive(-pgid);
}
