import { formatSipDate } from '../sip2/codec/date.ts';
import { type DecodedMessage, fieldValue, type SipField, type SipMessage } from '../sip2/codec/message.ts';
import type { HandlerContext } from './handlers.ts';
import { cancelHold, placeHold } from './holds.ts';

const f = (id: string, value: string): SipField => ({ id, value });
const HOLD_DAYS = 180;

/**
 * 16 Hold Response as Koha's C4/SIP/Sip/MsgType.pm handle_hold writes it:
 * ok, available, date; when ok AA, BW, BR, BS, AB, AJ; always AO, and AF
 * only when Koha has a text.
 */
export function holdAnswer(req: DecodedMessage, ctx: HandlerContext, date: string): SipMessage {
  const mode = req.fixed.holdMode ?? '';
  const asked = {
    card: fieldValue(req, 'AA') ?? '',
    pin: fieldValue(req, 'AD'),
    itemId: fieldValue(req, 'AB') ?? '',
    titleId: fieldValue(req, 'AJ') ?? '',
    pickup: fieldValue(req, 'BS') ?? '',
  };
  const result =
    mode === '+'
      ? placeHold(ctx.library, asked)
      : mode === '-'
        ? cancelHold(ctx.library, asked)
        : { ok: false as const, message: 'System error. Please contact library staff.' };
  const ao = f('AO', ctx.institution);
  if (!result.ok) {
    return {
      code: '16',
      fixed: { ok: '0', available: 'N', transactionDate: date },
      fields: [f('AA', asked.card), ao, ...(result.message ? [f('AF', result.message)] : [])],
    };
  }
  const expires = new Date(ctx.now().getTime() + HOLD_DAYS * 86_400_000);
  return {
    code: '16',
    fixed: { ok: '1', available: result.available ? 'Y' : 'N', transactionDate: date },
    fields: [
      f('AA', asked.card),
      f('BW', formatSipDate(expires, ctx.timeZone)),
      ...(mode === '+' ? [f('BR', String(result.queue)), f('BS', result.pickup)] : []),
      f('AB', result.itemId),
      f('AJ', ctx.library.item(result.itemId)?.title ?? ''),
      ao,
    ],
  };
}
