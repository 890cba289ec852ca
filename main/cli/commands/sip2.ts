import type { Command } from 'commander';
import { isOpenBranchError } from '../../../shared/errors.ts';
import { decodeMessage } from '../../central/sip2/codec/decode.ts';
import { FIELD_NAMES } from '../../central/sip2/codec/fields.ts';
import { registerSip2Hold } from './sip2-hold.ts';
import { registerSip2Talk } from './sip2-talk.ts';

/**
 * `openbranch sip2 decode <message>`: the parsed message as JSON. Exit 0
 * when well formed with a valid or absent checksum, 1 on a wrong checksum,
 * 2 when malformed.
 */
export function registerSip2(program: Command): void {
  const sip2 = program.command('sip2').description('SIP2 tools for technicians');
  registerSip2Talk(sip2);
  registerSip2Hold(sip2);
  sip2
    .command('decode <message>')
    .description('decode one SIP2 message (quote it; \\r at the end optional)')
    .option('--pipe-escape <text>', 'how | is escaped inside values (Koha: &#124;)')
    .action((message: string, o: { pipeEscape?: string }) => {
      try {
        const m = decodeMessage(new TextEncoder().encode(message), o.pipeEscape ? { pipeEscape: o.pipeEscape } : {});
        const byName = Object.fromEntries(m.fields.map((f) => [FIELD_NAMES[f.id] ?? f.id, f.value]));
        console.log(
          JSON.stringify(
            {
              code: m.code,
              name: m.name,
              fixed: m.fixed,
              fields: m.fields,
              fieldsByName: byName,
              sequence: m.sequence ?? null,
              checksum: m.checksum ?? null,
              checksumValid: m.checksumValid ?? null,
            },
            null,
            2,
          ),
        );
        process.exitCode = m.checksumValid === false ? 1 : 0;
      } catch (e) {
        if (!isOpenBranchError(e)) throw e;
        console.error(`openbranch: ${e.message}`);
        process.exitCode = 2;
      }
    });
}
