import type { Command } from 'commander';
import type { HoldResult } from '../../../shared/domain/central.ts';
import { OpenBranchError } from '../../../shared/errors.ts';
import { common, type TalkFlags, withCentral } from './sip2-talk.ts';

interface HoldFlags extends TalkFlags {
  card: string;
  pin?: string;
  item?: string;
  titleId?: string;
  pickup: string;
  cancel?: boolean;
  json?: boolean;
}

const REFUSAL: Readonly<Record<string, string>> = {
  'not-reservable': 'the title cannot be reserved',
  'already-reserved': 'the patron has already reserved this title',
  'limit-reached': 'the patron has as many reservations as allowed',
  'patron-blocked': 'the patron may not reserve (blocked, fines or expired card)',
  'invalid-patron': 'unknown card or wrong PIN',
  'unknown-item': 'no such item or title',
  unknown: 'the library system refused without giving a reason',
};

function inWords(r: HoldResult, f: HoldFlags): string {
  if (!r.ok) return `refused: ${REFUSAL[r.refusal ?? 'unknown']}${r.screenMessages.length ? ` (${r.screenMessages.join('; ')})` : ''}`;
  if (f.cancel) return `reservation of ${r.itemId ?? r.titleId} cancelled`;
  const queue = r.queuePosition === undefined ? '' : `, place ${r.queuePosition} in the queue`;
  return `reserved ${r.itemId ?? r.titleId} for pick-up at ${r.pickupLocation}${queue}${r.available ? ' (a copy is on a shelf now)' : ''}`;
}

/**
 * `openbranch sip2 hold`: places (or with --cancel removes) a reservation
 * over SIP2 Hold (15/16) for pick-up at any branch. Exit 0 when the server
 * says ok, 1 when it refuses, 2 on a usage or connection error.
 */
export function registerSip2Hold(sip2: Command): void {
  common(
    sip2
      .command('hold')
      .description('reserve a title for pick-up at a branch (SIP2 Hold), or cancel a reservation')
      .requiredOption('--card <card>', "the patron's card number")
      .option('--pin <pin>', "the patron's PIN")
      .option('--item <barcode>', 'a copy of the title (Koha reserves the title from it)')
      .option('--title-id <id>', 'the title identifier instead of a copy')
      .requiredOption('--pickup <branch>', 'branch code where the patron picks it up (Koha branchcode, e.g. KOP)')
      .option('--cancel', 'remove the reservation instead')
      .option('--json', 'print the result as JSON'),
  ).action(async (f: HoldFlags) => {
    if (!f.item && !f.titleId) throw new OpenBranchError('cli.usage', 'give --item BARCODE or --title-id ID');
    await withCentral(f, async (c) => {
      if (!c.hold) throw new OpenBranchError('cli.usage', 'this central system takes no reservations');
      const r = await c.hold({
        cardNumber: f.card,
        ...(f.pin === undefined ? {} : { pin: f.pin }),
        ...(f.item ? { itemId: f.item } : {}),
        ...(f.titleId ? { titleId: f.titleId } : {}),
        pickupLocation: f.pickup,
        ...(f.cancel ? { cancel: true } : {}),
      });
      console.log(f.json ? JSON.stringify(r, null, 2) : inWords(r, f));
      process.exitCode = r.ok ? 0 : 1;
    });
  });
}
