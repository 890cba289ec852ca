import type { Receipt, ReceiptLine } from '../../shared/devices/printer.ts';
import type { SessionContext } from './session-types.ts';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The loan receipt as printer-neutral lines: the branch, the date, each
 * item with its due date, and a QR code of the item numbers. No card
 * number and no full name: a receipt left on the counter says little.
 */
export function buildReceipt(
  context: SessionContext,
  t: Translate,
  branchName: string,
  now: Date,
  formatDate: (iso: string) => string,
): Receipt {
  const loans = context.lines.filter((l) => l.status === 'done' || l.status === 'see-staff');
  const lines: ReceiptLine[] = [
    { type: 'text', text: branchName, bold: true, size: 2, align: 'center' },
    { type: 'text', text: t('receiptPrint.title'), align: 'center' },
    { type: 'text', text: now.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' }), align: 'center' },
    { type: 'rule' },
  ];
  for (const loan of loans) {
    lines.push({ type: 'text', text: loan.title ?? loan.itemId, bold: true });
    lines.push({ type: 'text', text: `${loan.itemId}  ${loan.dueDate ? t('item.dueDate', { date: formatDate(loan.dueDate) }) : ''}` });
  }
  lines.push({ type: 'rule' });
  lines.push({ type: 'text', text: t('receiptPrint.count', { count: loans.length }) });
  if (loans.length > 0) lines.push({ type: 'qr', data: loans.map((l) => l.itemId).join(',') });
  lines.push({ type: 'text', text: t('receipt.bye'), align: 'center' });
  return { lines, cut: true };
}
