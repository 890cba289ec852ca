import { expect, type Page, test } from '@playwright/test';
import { readMail, type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { expectNoAxeViolations } from './axe.ts';
import { borrowToReceipt, DEMO, openKioskAndSimulator } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * "Skicka kvittot till min e-post" in Chromium: never offered without the
 * library's mail relay in the config, never to a patron for whom the
 * central system gave no address (Leila; Anna's Patron Information carries
 * BE anna@example.org), and for Anna "sent" only after a real SMTP server
 * on a free port took the message, which is read back from the wire.
 */
let kiosk: KioskProcess | undefined;
let peer: SmtpPeer | undefined;
test.afterEach(async () => {
  await kiosk?.stop();
  await peer?.close();
  kiosk = undefined;
  peer = undefined;
});

const PINS: Record<string, string> = { [DEMO.anna]: '1234', [DEMO.leila]: '8901' };

const borrowOne = (screen: Page, sim: Page, card: string, item: string) => borrowToReceipt(screen, sim, card, PINS[card]!, item);

/** No receipt, then the next patron's start screen. */
async function endWithoutReceipt(screen: Page, sim: Page): Promise<void> {
  await screen.getByRole('button', { name: 'Inget kvitto' }).click();
  await screen.locator('main.receipt.finished .action-bar .primary').click();
  await sim.getByRole('button', { name: 'Lyft alla' }).click();
  await expect(screen.locator('main.attract')).toBeVisible();
}

test('without a mail relay in the config the e-mail choice is not offered, even to a patron with an address', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await borrowOne(screen, sim, DEMO.anna, DEMO.pippi);
  await expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await expect(screen.getByRole('button', { name: /e-post/ })).toHaveCount(0);
  await endWithoutReceipt(screen, sim);
});

test('with a relay: not offered to a patron without an address; for Anna the masked address, and "sent" after the relay took it', async ({
  page,
}) => {
  peer = await startSmtpPeer();
  kiosk = await startKioskProcess({
    config: {
      demo: true,
      receiptMail: { host: '127.0.0.1', port: peer.port, security: 'none', from: 'Västerås stadsbibliotek <noreply@example.se>' },
    },
  });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);

  await borrowOne(screen, sim, DEMO.leila, DEMO.second);
  await expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await expect(screen.getByRole('button', { name: /e-post/ })).toHaveCount(0);
  await endWithoutReceipt(screen, sim);

  await borrowOne(screen, sim, DEMO.anna, DEMO.pippi);
  const email = screen.getByRole('button', { name: /Skicka kvittot till min e-post/ });
  await expect(email).toContainText('Till a…@example.org');
  await expect(screen.locator('main.receipt')).not.toContainText('anna@example.org');
  await expectNoAxeViolations(screen, 'the receipt question with e-mail offered');
  await email.click();
  await expect(screen.locator('main.receipt.finished')).toContainText('Kvittot är skickat till din e-post.');
  expect(peer.received).toHaveLength(1);
  const sent = peer.received[0]!;
  expect(sent.to).toEqual(['anna@example.org']);
  const mail = readMail(sent.data);
  expect(mail.subject).toContain('Ditt kvitto från');
  expect(mail.text).toContain('Pippi Långstrump');
  expect(mail.text).toContain('Lämna tillbaka senast');
  expect(sent.data).not.toContain(DEMO.anna);
});

test('a relay that refuses the address: the screen says the receipt could not be sent and offers it printed', async ({ page }) => {
  peer = await startSmtpPeer({ rejectRecipient: true });
  kiosk = await startKioskProcess({
    config: { demo: true, receiptMail: { host: '127.0.0.1', port: peer.port, security: 'none', from: 'noreply@example.se' } },
  });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await borrowOne(screen, sim, DEMO.anna, DEMO.pippi);
  await screen.getByRole('button', { name: /Skicka kvittot till min e-post/ }).click();
  await expect(screen.getByTestId('receipt-email-failed')).toHaveText(
    'Kvittot gick inte att skicka till din e-post. Dina lån är registrerade ändå. Vill du ha kvittot utskrivet i stället?',
  );
  await expect(screen.getByRole('button', { name: /e-post/ })).toHaveCount(0);
  expect(peer.received).toHaveLength(0);
  await screen.getByRole('button', { name: 'Skriv ut' }).click();
  await expect(screen.locator('main.receipt.finished')).toContainText('Ta kvittot från skrivaren.');
  await expect(sim.getByTestId('sim-receipt')).toContainText('Pippi Långstrump');
});
