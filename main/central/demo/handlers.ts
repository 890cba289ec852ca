import { formatSipDate } from '../sip2/codec/date.ts';
import { type DecodedMessage, fieldValue, type SipField, type SipMessage } from '../sip2/codec/message.ts';
import type { DemoPatron } from './data.ts';
import { holdAnswer } from './hold-handler.ts';
import { MAX_HOLDS } from './holds.ts';
import { type CheckoutRefusal, type DemoLibrary, FINE_LIMIT } from './library.ts';

/**
 * The demo ACS's answers, Koha-like: "Greetings from Koha." on patron
 * information, an empty PIN accepted (CQ=Y) as Koha can be configured to,
 * holds routed with CV/CT/CY/DA, the meröppet permission as attribute ZM.
 */
const yn = (b: boolean) => (b ? 'Y' : 'N');
const f = (id: string, value: string): SipField => ({ id, value });
const count = (n: number) => String(n).padStart(4, '0');

export interface HandlerContext {
  readonly library: DemoLibrary;
  readonly institution: string;
  readonly now: () => Date;
  readonly timeZone: string;
}

export function answer(req: DecodedMessage, ctx: HandlerContext): SipMessage | undefined {
  const date = formatSipDate(ctx.now(), ctx.timeZone);
  const ao = f('AO', ctx.institution);
  const lib = ctx.library;
  const card = fieldValue(req, 'AA') ?? '';
  const itemId = fieldValue(req, 'AB') ?? '';
  switch (req.code) {
    case '99':
      return {
        code: '98',
        fixed: {
          onlineStatus: 'Y',
          checkinOk: 'Y',
          checkoutOk: 'Y',
          acsRenewalPolicy: 'Y',
          statusUpdateOk: 'N',
          offlineOk: 'Y',
          timeoutPeriod: '030',
          retriesAllowed: '003',
          dateTimeSync: date,
          protocolVersion: '2.00',
        },
        fields: [ao, f('AM', 'Demo region libraries'), f('BX', 'YYYYYYYYYYYYYYYY'), f('AN', 'demo')],
      };
    case '23':
    case '63':
      return patronAnswer(req, ctx, date);
    case '11': {
      const noBlock = req.fixed.noBlock === 'Y';
      // As Koha does since bug 32934: an offline checkout keeps the due date the terminal gave ("nb due date"),
      // and happened at its transaction date.
      const original = noBlock ? parseSip(req.fixed.transactionDate, ctx.timeZone) : undefined;
      const dueAsGiven = noBlock ? parseSip(req.fixed.nbDueDate, ctx.timeZone) : undefined;
      const result = lib.checkout(card, itemId, noBlock, original ?? ctx.now(), req.fixed.scRenewalPolicy === 'Y', dueAsGiven);
      lib.transactions.push({
        kind: 'checkout',
        itemId,
        cardNumber: card,
        ok: result.ok,
        noBlock,
        transactionDate: req.fixed.transactionDate ?? '',
        at: ctx.now(),
      });
      const item = lib.item(itemId);
      const base = [ao, f('AA', card), f('AB', itemId), f('AJ', item?.title ?? '')];
      if (result.ok) {
        return {
          code: '12',
          fixed: { ok: '1', renewalOk: yn(result.renewed), magneticMedia: 'N', desensitize: 'Y', transactionDate: date },
          fields: [...base, f('AH', formatSipDate(result.due, ctx.timeZone)), f('CK', mediaCode(item?.mediaType))],
        };
      }
      return {
        code: '12',
        fixed: { ok: '0', renewalOk: yn(result.refusal === 'already-yours'), magneticMedia: 'N', desensitize: 'N', transactionDate: date },
        fields: [...base, f('AH', ''), f('AF', REFUSAL_TEXT[result.refusal])],
      };
    }
    case '09':
      return checkinAnswer(req, ctx, date);
    case '29': {
      const result = lib.renew(card, itemId);
      lib.transactions.push({
        kind: 'renew',
        itemId,
        cardNumber: card,
        ok: result.ok,
        noBlock: req.fixed.noBlock === 'Y',
        transactionDate: req.fixed.transactionDate ?? '',
        at: ctx.now(),
      });
      const title = f('AJ', lib.item(itemId)?.title ?? '');
      return result.ok
        ? {
            code: '30',
            fixed: { ok: '1', renewalOk: 'Y', magneticMedia: 'N', desensitize: 'Y', transactionDate: date },
            fields: [ao, f('AA', card), f('AB', itemId), title, f('AH', formatSipDate(result.due, ctx.timeZone))],
          }
        : {
            code: '30',
            fixed: { ok: '0', renewalOk: 'N', magneticMedia: 'N', desensitize: 'N', transactionDate: date },
            fields: [ao, f('AA', card), f('AB', itemId), title, f('AH', ''), f('AF', result.reason)],
          };
    }
    case '65': {
      const results = lib.loansOf(card).map(({ item }) => ({ id: item.itemId, ok: lib.renew(card, item.itemId).ok }));
      const renewed = results.filter((r) => r.ok).map((r) => f('BM', r.id));
      const unrenewed = results.filter((r) => !r.ok).map((r) => f('BN', r.id));
      return {
        code: '66',
        fixed: { ok: '1', renewedCount: count(renewed.length), unrenewedCount: count(unrenewed.length), transactionDate: date },
        fields: [ao, ...renewed, ...unrenewed],
      };
    }
    case '17':
      return itemAnswer(itemId, ctx, date);
    case '15':
      return holdAnswer(req, ctx, date);
    case '35':
      return { code: '36', fixed: { endSession: 'Y', transactionDate: date }, fields: [ao, f('AA', card)] };
    case '37':
      return {
        code: '38',
        fixed: { paymentAccepted: 'N', transactionDate: date },
        fields: [ao, f('AA', card), f('AF', 'Payments are taken at the desk')],
      };
    default:
      return undefined;
  }
}

/** The AF text the demo ACS gives with each refused checkout, as Koha words it. */
export const REFUSAL_TEXT: Readonly<Record<CheckoutRefusal, string>> = {
  blocked: 'Patron is blocked',
  'unknown-patron': 'Invalid patron',
  'unknown-item': 'Invalid Item',
  'not-for-loan': 'Item not for loan',
  'on-hold-for-other': 'Item is on hold for another patron',
  'checked-out-to-other': 'Item checked out to another patron',
  'already-yours': 'Item already checked out to you',
  limit: 'Too many items checked out',
};

function mediaCode(type: string | undefined): string {
  return type === 'audiobook' ? '010' : type === 'dvd' ? '006' : '001';
}

/** A SIP2 date with a blank zone is the ACS's local time: the branch's time zone, whatever the process's zone is. */
function parseSip(value: string | undefined, timeZone: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2}).{4}(\d{2})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  // The zone's offset at that moment: format the guess in the zone and see how far it is off.
  const shown = formatSipDate(new Date(wall), timeZone);
  const back = Date.UTC(
    Number(shown.slice(0, 4)),
    Number(shown.slice(4, 6)) - 1,
    Number(shown.slice(6, 8)),
    Number(shown.slice(12, 14)),
    Number(shown.slice(14, 16)),
    Number(shown.slice(16, 18)),
  );
  return new Date(wall - (back - wall));
}

function patronAnswer(req: DecodedMessage, ctx: HandlerContext, date: string): SipMessage {
  const lib = ctx.library;
  const card = fieldValue(req, 'AA') ?? '';
  const pin = fieldValue(req, 'AD');
  const p = lib.patron(card);
  const loans = p ? lib.loansOf(card) : [];
  const overdue = loans.filter((l) => l.loan.due.getTime() < ctx.now().getTime());
  const ready = p ? lib.holdsOf(card).filter((h) => h.waiting) : [];
  const pending = p ? lib.holdsOf(card).filter((h) => !h.waiting) : [];
  const status = patronStatus(p, lib);
  const fixed64 = {
    patronStatus: status,
    language: '000',
    transactionDate: date,
    holdItemsCount: count(ready.length),
    overdueItemsCount: count(overdue.length),
    chargedItemsCount: count(loans.length),
    fineItemsCount: count(p?.fines ? 1 : 0),
    recallItemsCount: '0000',
    unavailableHoldsCount: count(pending.length),
  };
  const fields: SipField[] = [
    f('AO', ctx.institution),
    f('AA', card),
    f('AE', p?.name ?? ''),
    f('BL', yn(p !== undefined)),
    f('CQ', yn(p !== undefined && (pin === undefined || pin === '' || pin === p.pin))),
  ];
  if (p) {
    fields.push(
      f('BH', 'SEK'),
      f('BV', (p.fines ?? 0).toFixed(2)),
      f('CC', FINE_LIMIT.toFixed(2)),
      f('BZ', count(MAX_HOLDS)),
      f('CB', '0050'),
    );
    for (const h of ready) fields.push(f('AS', h.itemId));
    for (const l of overdue) fields.push(f('AT', l.item.itemId));
    for (const l of loans) fields.push(f('AU', l.item.itemId));
    for (const h of pending) fields.push(f('CD', h.itemId));
    fields.push(f('PB', p.birthDate.replaceAll('-', '')), f('PC', p.category), f('AQ', p.home), f('ZM', p.meroppet ? 'Y' : 'N'));
    if (p.email) fields.push(f('BE', p.email));
    if (p.expired) fields.push(f('PA', '20250101    000000'));
  }
  fields.push(f('AF', p ? `Greetings from Koha. ${p.blocked ? '-- Patron is blocked' : ''}`.trim() : 'Invalid patron'));
  if (req.code === '23') {
    return { code: '24', fixed: { patronStatus: status, language: '000', transactionDate: date }, fields };
  }
  return { code: '64', fixed: fixed64, fields };
}

function patronStatus(p: DemoPatron | undefined, lib: DemoLibrary): string {
  const flags = Array.from({ length: 14 }, () => ' ');
  if (!p) return 'YYYY          ';
  const block = lib.patronBlock(p);
  if (block) flags[0] = flags[1] = flags[2] = flags[3] = 'Y';
  if (block === 'fines') flags[10] = 'Y';
  return flags.join('');
}

function checkinAnswer(req: DecodedMessage, ctx: HandlerContext, date: string): SipMessage {
  const lib = ctx.library;
  const itemId = fieldValue(req, 'AB') ?? '';
  const branch = fieldValue(req, 'AP') ?? ctx.institution;
  const result = lib.checkin(itemId, branch);
  lib.transactions.push({
    kind: 'checkin',
    itemId,
    ok: result.known,
    noBlock: req.fixed.noBlock === 'Y',
    transactionDate: req.fixed.transactionDate ?? '',
    at: ctx.now(),
  });
  if (!result.known) {
    return {
      code: '10',
      fixed: { ok: '0', resensitize: 'N', magneticMedia: 'N', alert: 'Y', transactionDate: date },
      fields: [f('AO', ctx.institution), f('AB', itemId), f('AQ', ''), f('AF', 'Invalid Item'), f('CV', '99')],
    };
  }
  const { item, hold, transitTo } = result;
  const fields: SipField[] = [
    f('AO', ctx.institution),
    f('AB', itemId),
    f('AQ', item.owner),
    f('AJ', item.title),
    f('CK', mediaCode(item.mediaType)),
    f('CS', item.callNumber),
  ];
  if (hold) {
    const patron = lib.patron(hold.cardNumber);
    fields.push(f('CT', hold.pickup), f('CV', hold.pickup === branch ? '01' : '02'), f('CY', hold.cardNumber), f('DA', patron?.name ?? ''));
  } else if (transitTo) {
    fields.push(f('CT', transitTo), f('CV', '04'));
  } else {
    fields.push(f('CL', item.mediaType === 'audiobook' ? 'B' : 'A'));
  }
  if (!result.wasOnLoan) fields.push(f('AF', 'Item not checked out'));
  return {
    code: '10',
    fixed: {
      ok: '1',
      resensitize: 'Y',
      magneticMedia: 'N',
      alert: yn(hold !== undefined || transitTo !== undefined),
      transactionDate: date,
    },
    fields,
  };
}

function itemAnswer(itemId: string, ctx: HandlerContext, date: string): SipMessage {
  const lib = ctx.library;
  const item = lib.item(itemId);
  if (!item)
    return {
      code: '18',
      fixed: { circulationStatus: '01', securityMarker: '00', feeType: '01', transactionDate: date },
      fields: [f('AB', itemId), f('AJ', ''), f('AF', 'Item not found')],
    };
  const loan = lib.loans.get(itemId);
  const hold = lib.firstHold(itemId);
  const status = loan ? '04' : hold?.waiting ? '08' : item.notForLoan ? '01' : '03';
  const fields = [
    f('AB', itemId),
    f('AJ', item.title),
    f('AQ', item.owner),
    f('AP', lib.location.get(itemId) ?? item.owner),
    f('CF', String(lib.holds.filter((h) => h.itemId === itemId).length)),
    f('CK', mediaCode(item.mediaType)),
  ];
  if (loan) fields.push(f('AH', formatSipDate(loan.due, ctx.timeZone)));
  return { code: '18', fixed: { circulationStatus: status, securityMarker: '02', feeType: '01', transactionDate: date }, fields };
}
