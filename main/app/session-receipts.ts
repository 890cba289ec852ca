import { fromPromise } from 'xstate';
import type { Language } from '../../shared/config/branch.ts';
import type { ReceiptPrinter } from '../../shared/devices/printer.ts';
import { formatDateTime, formatDay, translate } from '../../shared/i18n/index.ts';
import { buildReceipt, canEmailReceipt } from '../machines/receipt.ts';
import type { SessionContext } from '../machines/session-types.ts';
import type { ReceiptMailer } from '../mail/receipt-mailer.ts';
import { maskAddress, receiptText } from '../mail/receipt-text.ts';

export interface ReceiptDeps {
  readonly printer: ReceiptPrinter | undefined;
  /** The library's mail relay; without it a receipt is never offered by e-mail. */
  readonly mailer?: ReceiptMailer | undefined;
  readonly branchDisplayName: string;
  readonly language: () => Language;
  /** The branch's default language (receipts of sessions in a script the printer lacks). */
  readonly branchLanguage?: Language;
  /** The branch's time zone, for the receipt's date and time. */
  readonly timeZone?: string;
}

/** Languages in the Latin script a receipt printer's code page (PC858) holds. */
const LATIN_SCRIPT: readonly Language[] = ['sv', 'en', 'fi'];
const printable = (language: Language, fallback: Language): Language => (LATIN_SCRIPT.includes(language) ? language : fallback);

function receiptIn(lang: Language, context: SessionContext, d: ReceiptDeps) {
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  return buildReceipt(context, t, d.branchDisplayName, formatDateTime(lang, new Date(), d.timeZone), (iso) => formatDay(lang, iso));
}

/** The session machine's receipt actors: on paper, and by e-mail to the address the central system gave. */
export function receiptActors(d: ReceiptDeps) {
  return {
    printReceipt: fromPromise<void, { context: SessionContext }>(async ({ input }) => {
      if (!d.printer) throw new Error('no printer');
      // In the session's language, dates and times too (the receipt is the patron's); receipt printers
      // print Latin script only, so an Arabic session's receipt is in the branch's language.
      await d.printer.print(receiptIn(printable(d.language(), d.branchLanguage ?? 'sv'), input.context, d));
    }),
    // Any script goes by e-mail: the patron's own language. The receipt holds no card number.
    emailReceipt: fromPromise<void, { context: SessionContext }>(async ({ input }) => {
      const to = input.context.patron?.info.email;
      if (!d.mailer || !to) throw new Error('no mail relay or no address');
      const lang = d.language();
      await d.mailer.send({
        to,
        subject: translate(lang, 'receiptMail.subject', { branch: d.branchDisplayName }),
        text: receiptText(receiptIn(lang, input.context, d)),
      });
    }),
  };
}

/** What the receipt question offers, and the address e-mail would go to as the screen may show it. */
export function receiptChoices(context: SessionContext, d: Pick<ReceiptDeps, 'printer'>) {
  const email = canEmailReceipt(context) && context.patron?.info.email;
  return {
    receiptOptions: [...(d.printer ? (['print'] as const) : []), ...(email ? (['email'] as const) : []), 'none' as const],
    ...(email ? { receiptEmail: maskAddress(email) } : {}),
    ...(context.receiptEmailFailed ? { receiptEmailFailed: true } : {}),
  };
}
