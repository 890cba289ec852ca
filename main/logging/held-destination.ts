/** The part of a pino destination the kiosk's logger uses. */
export interface LineSink {
  write(line: string): unknown;
  flush?(cb: (err?: Error | null) => void): void;
}

/**
 * A pino destination that keeps lines until the real one is attached, then
 * passes them on in order. The kiosk starts its file transport (a worker
 * thread) only once the screen is up, and no line logged before is lost.
 * At most `limit` lines are kept; past that the oldest go and a count says so.
 */
export class HeldDestination implements LineSink {
  private held: string[] = [];
  private dropped = 0;
  private target: LineSink | undefined;

  constructor(private readonly limit = 10_000) {}

  write(line: string): boolean {
    if (this.target) return this.target.write(line) !== false;
    if (this.held.length >= this.limit) {
      this.held.shift();
      this.dropped++;
    }
    this.held.push(line);
    return true;
  }

  attach(target: LineSink): void {
    if (this.target) return;
    if (this.dropped > 0) {
      const note = { level: 40, time: new Date().toISOString(), app: 'openbranch', msg: `${this.dropped} early log lines dropped` };
      target.write(`${JSON.stringify(note)}\n`);
    }
    for (const line of this.held) target.write(line);
    this.held = [];
    this.target = target;
  }

  flush(cb: (err?: Error | null) => void): void {
    if (this.target?.flush) this.target.flush(cb);
    else cb();
  }
}
