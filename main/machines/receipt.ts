import type { Receipt, ReceiptLine } from '../../shared/devices/printer.ts';
import type { SessionContext } from './session-types.ts';

/** E-mail is a choice only with a configured relay, an address from the central system, and no failed try this session. */
export const canEmailReceipt = (c: SessionContext): boolean =>
  c.policy.emailReceipts === true && Boolean(c.patron?.info.email) && !c.receiptEmailFailed;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The receipt as printer-neutral lines, in the session's language: the
 * branch, the date and time, then each loan with its due date (or each
 * item returned without a card), and a QR code of the item numbers. No
 * card number and no full name: a receipt left on the counter says little.
 * `when` and `formatDate` come formatted for the session's language.
 */
export function buildReceipt(
  context: SessionContext,
  t: Translate,
  branchName: string,
  when: string,
  formatDate: (iso: string) => string,
): Receipt {
  const returns = context.patron === undefined && context.lines.some((l) => l.route);
  const items = context.lines.filter((l) => l.status === 'done' || l.status === 'see-staff');
  const lines: ReceiptLine[] = [
    { type: 'text', text: branchName, bold: true, size: 2, align: 'center' },
    { type: 'text', text: t(returns ? 'receiptPrint.returnTitle' : 'receiptPrint.title'), align: 'center' },
    { type: 'text', text: when, align: 'center' },
    { type: 'rule' },
  ];
  for (const item of items) {
    lines.push({ type: 'text', text: item.title ?? item.itemId, bold: true });
    const due = !returns && item.dueDate ? t('item.dueDate', { date: formatDate(item.dueDate) }) : '';
    lines.push({ type: 'text', text: `${item.itemId}  ${due}`.trimEnd() });
  }
  lines.push({ type: 'rule' });
  lines.push({ type: 'text', text: t(returns ? 'receiptPrint.returnCount' : 'receiptPrint.count', { count: items.length }) });
  if (items.length > 0) lines.push({ type: 'qr', data: items.map((l) => l.itemId).join(',') });
  lines.push({ type: 'text', text: t('receipt.bye'), align: 'center' });
  return { lines, cut: true };
}
