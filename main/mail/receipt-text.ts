import type { Receipt } from '../../shared/devices/printer.ts';

/**
 * The printed receipt as the body of an e-mail: the same lines (branch,
 * date, each title with its item number and due date, the count), rules as
 * a line of dashes; the QR code, which only a scanner at the desk reads
 * from paper, is left out.
 */
export function receiptText(receipt: Receipt): string {
  const out: string[] = [];
  for (const line of receipt.lines) {
    if (line.type === 'text') out.push(line.text);
    else if (line.type === 'rule') out.push('-'.repeat(32));
  }
  return `${out.join('\n')}\n`;
}

/**
 * The patron's address as the screen shows it to whoever stands behind
 * them: the first letter of the name and the whole domain ("a…@example.se"),
 * enough to recognise one's own address.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '…';
  return `${address[0]}…${address.slice(at)}`;
}
