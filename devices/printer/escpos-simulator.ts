import type { PaperState } from '../../shared/devices/printer.ts';
import { type SerialBinding, SerialLink } from '../serial/link.ts';
import { EscPosParser, type PrintItem } from './codec/escpos-parse.ts';
import { encodePaperStatus } from './codec/escpos-status.ts';

/** An ESC/POS printer on the far end of a pty: keeps the raw bytes and what it "printed", answers DLE EOT 4. */
export class EscposSimulator {
  readonly items: PrintItem[] = [];
  readonly raw: number[] = [];
  paper: PaperState = 'ok';
  private link: SerialLink | undefined;

  constructor(
    private readonly path: string,
    private readonly binding?: SerialBinding,
  ) {}

  async start(): Promise<void> {
    const link = await SerialLink.open({ path: this.path, baudRate: 19_200, binding: this.binding });
    this.link = link;
    const parser = new EscPosParser();
    link.onData((chunk) => {
      this.raw.push(...chunk);
      for (const item of parser.push(chunk)) {
        this.items.push(item);
        if (item.type === 'status-query' && item.fn === 4 && item.n === 4) void link.write(Uint8Array.of(encodePaperStatus(this.paper)));
      }
    });
  }

  async stop(): Promise<void> {
    await this.link?.close();
    this.link = undefined;
  }
}
