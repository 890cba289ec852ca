import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedCardReader } from '../../../devices/card/simulated-card-reader.ts';
import { SimulatedPrinter } from '../../../devices/printer/simulated-printer.ts';
import { SessionScreens } from '../../../main/app/session-screens.ts';
import { createStreamLogger } from '../../../main/logging/logger.ts';
import { createReceiptMailer, type ReceiptMailer } from '../../../main/mail/receipt-mailer.ts';
import { receiptMailSchema } from '../../../shared/config/receipt-mail.ts';
import type { SessionData } from '../../../shared/contract/session-view.ts';
import { isOpenBranchError } from '../../../shared/errors.ts';
import { formatDay, translate } from '../../../shared/i18n/index.ts';
import { CentralDouble } from '../../doubles/central-double.ts';
import { readMail, startSmtpPeer } from '../../support/smtp-peer.ts';
import { simulatedSetup, until } from '../../unit/rfid/helpers.ts';

/**
 * "Send my receipt to my e-mail" end to end in the kiosk core: Anna (whose
 * Patron Information carries BE anna@example.org) borrows over the real
 * pad driver and simulated reader, chooses e-mail, and the real mailer
 * hands the receipt to a real SMTP server on a free port. The assertions
 * are on what crossed the wire.
 */
const ANNA = { card: '23000000000017', pin: '1234', email: 'anna@example.org' };
const PIPPI = { itemId: '39000000000011', title: 'Pippi Långstrump' };
const LOGIN = { user: 'kiosk-vas', password: 'rel@y-Secret-77' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-mail-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function logCapture() {
  const lines: string[] = [];
  return { lines, logger: createStreamLogger('trace', { write: (l: string) => void lines.push(l) }) };
}

function mailerFor(port: number, extra: Record<string, unknown> = {}, logger = logCapture().logger): ReceiptMailer {
  const config = receiptMailSchema.parse({
    host: '127.0.0.1',
    port,
    security: 'none',
    from: 'Västerås stadsbibliotek <noreply@example.se>',
    timeoutMs: 5000,
    ...extra,
  });
  return createReceiptMailer(config, logger);
}

/** A kiosk core with Anna's session brought to the receipt question after one loan. */
async function toReceiptQuestion(o: { mailer?: ReceiptMailer; central?: CentralDouble }) {
  const { reader, pad } = simulatedSetup();
  const card = new SimulatedCardReader('card');
  const printer = new SimulatedPrinter('printer');
  const central = o.central ?? new CentralDouble();
  const screens = new SessionScreens({
    central,
    pad,
    cardReaders: [card],
    printer,
    ...(o.mailer ? { mailer: o.mailer } : {}),
    branchId: 'VAS',
    branchDisplayName: 'Västerås stadsbibliotek',
    branchName: (c) => c,
    pickupLabel: () => 'A1',
    checkInOnSecurityFailure: false,
    policy: { pinRequired: true, idleSeconds: 300, warningSeconds: 20, receipt: 'ask', emailReceipts: o.mailer !== undefined },
    language: () => 'sv',
    logger: logCapture().logger,
    timeZone: 'Europe/Stockholm',
  });
  cleanups.push(
    () => screens.stop(),
    () => reader.close(),
    () => card.close(),
    () => printer.close(),
  );
  await Promise.all([reader.open(), card.open(), printer.open()]);
  const data = () => screens.current().data as SessionData;
  await card.present(ANNA.card);
  await until(() => screens.current().screen === 'pin', 3000, 'the PIN screen');
  screens.dispatch({ type: 'pin.entered', pin: ANNA.pin });
  await until(() => screens.current().screen === 'menu', 3000, 'the menu');
  screens.dispatch({ type: 'menu.checkout' });
  reader.pad.place({ item: { itemId: PIPPI.itemId } });
  await until(() => data().items?.[0]?.status === 'done', 5000, 'the loan');
  const dueDate = data().items?.[0]?.dueDate;
  screens.dispatch({ type: 'checkout.done' });
  await until(() => screens.current().screen === 'receipt', 3000, 'the receipt question');
  return { screens, data, dueDate, printer };
}

describe('the receipt by e-mail', () => {
  it('is offered with the address masked, and sent only when the relay accepted it: titles and due dates, no card number', async () => {
    const peer = await startSmtpPeer({ login: LOGIN });
    cleanups.push(() => peer.close());
    const dir = tempDir();
    writeFileSync(join(dir, 'relay.yaml'), `user: ${LOGIN.user}\npassword: ${LOGIN.password}\n`);
    const logs = logCapture();
    const kiosk = await toReceiptQuestion({ mailer: mailerFor(peer.port, { credentialsFile: join(dir, 'relay.yaml') }, logs.logger) });
    expect(kiosk.data().receiptOptions).toEqual(['print', 'email', 'none']);
    expect(kiosk.data().receiptEmail).toBe('a…@example.org');
    kiosk.screens.dispatch({ type: 'receipt.email' });
    await until(() => kiosk.data().receiptDone !== undefined, 5000, 'the answer from the relay');
    expect(kiosk.data().receiptDone).toBe('emailed');

    expect(peer.received).toHaveLength(1);
    const sent = peer.received[0]!;
    expect(sent.to).toEqual([ANNA.email]);
    expect(sent.from).toBe('noreply@example.se');
    expect(sent.user).toBe(LOGIN.user);
    const mail = readMail(sent.data);
    expect(mail.subject).toBe('Ditt kvitto från Västerås stadsbibliotek');
    expect(mail.text).toContain(PIPPI.title);
    expect(kiosk.dueDate).toBeDefined();
    expect(mail.text).toContain(`${PIPPI.itemId}  ${translate('sv', 'item.dueDate', { date: formatDay('sv', kiosk.dueDate!) })}`);
    expect(mail.text).toContain('Antal lån: 1');
    // No card number and no PIN, in any encoding of the message.
    expect(sent.data).not.toContain(ANNA.card);
    // The log says it went, never to whom or with which login.
    const log = logs.lines.join('');
    expect(log).toContain('receipt e-mailed');
    for (const secret of [ANNA.email, LOGIN.password, LOGIN.user]) expect(log).not.toContain(secret);
  });

  it('says it could not be sent when the relay refuses the address (550), and offers the printed receipt instead', async () => {
    const peer = await startSmtpPeer({ rejectRecipient: true });
    cleanups.push(() => peer.close());
    const kiosk = await toReceiptQuestion({ mailer: mailerFor(peer.port) });
    kiosk.screens.dispatch({ type: 'receipt.email' });
    await until(() => kiosk.data().receiptEmailFailed === true, 5000, 'the refusal');
    expect(kiosk.data().receiptDone).toBeUndefined();
    expect(kiosk.data().receiptOptions).toEqual(['print', 'none']);
    expect(peer.received).toHaveLength(0);
    // Asking again from a tampered screen does not send it: the choice is gone.
    kiosk.screens.dispatch({ type: 'receipt.email' });
    expect(kiosk.screens.current().screen).toBe('receipt');
    expect(kiosk.data().receiptSending).toBeUndefined();
    kiosk.screens.dispatch({ type: 'receipt.print' });
    await until(() => kiosk.data().receiptDone === 'printed', 5000, 'the printed receipt');
  });

  it('says it could not be sent when the relay is not there', async () => {
    const peer = await startSmtpPeer();
    const port = peer.port;
    await peer.close();
    const kiosk = await toReceiptQuestion({ mailer: mailerFor(port) });
    kiosk.screens.dispatch({ type: 'receipt.email' });
    await until(() => kiosk.data().receiptEmailFailed === true, 8000, 'the failed connection');
    expect(kiosk.data().receiptDone).toBeUndefined();
  });

  it('is not offered without a relay, nor to a patron for whom the central system gave no address', async () => {
    const noRelay = await toReceiptQuestion({});
    expect(noRelay.data().receiptOptions).toEqual(['print', 'none']);
    expect(noRelay.data().receiptEmail).toBeUndefined();
    noRelay.screens.dispatch({ type: 'receipt.email' });
    expect(noRelay.data().receiptDone).toBeUndefined();

    const peer = await startSmtpPeer();
    cleanups.push(() => peer.close());
    const withoutAddress = new CentralDouble().script('patronInformation', async (_args, next) => {
      const { email: _email, ...info } = await next();
      return info;
    });
    const noAddress = await toReceiptQuestion({ mailer: mailerFor(peer.port), central: withoutAddress });
    expect(noAddress.data().receiptOptions).toEqual(['print', 'none']);
    noAddress.screens.dispatch({ type: 'receipt.email' });
    expect(noAddress.data().receiptSending).toBeUndefined();
    expect(peer.received).toHaveLength(0);
  });
});

describe('the relay login', () => {
  it('a wrong password is a mail.auth error; a broken credentials file names the file, not its contents', async () => {
    const peer = await startSmtpPeer({ login: LOGIN });
    cleanups.push(() => peer.close());
    const dir = tempDir();
    writeFileSync(join(dir, 'wrong.yaml'), `user: ${LOGIN.user}\npassword: not-it\n`);
    writeFileSync(join(dir, 'broken.yaml'), `password ${LOGIN.password}\n`);
    const mail = { to: ANNA.email, subject: 's', text: 't' };
    const wrong = await mailerFor(peer.port, { credentialsFile: join(dir, 'wrong.yaml') })
      .send(mail)
      .catch((e: unknown) => e);
    expect(isOpenBranchError(wrong, 'mail.auth')).toBe(true);
    const broken = await mailerFor(peer.port, { credentialsFile: join(dir, 'broken.yaml') })
      .send(mail)
      .catch((e: unknown) => e);
    expect(isOpenBranchError(broken, 'mail.credentials')).toBe(true);
    expect(String((broken as Error).message)).toContain('broken.yaml');
    expect(String((broken as Error).message)).not.toContain(LOGIN.password);
    expect(peer.received).toHaveLength(0);
  });
});
