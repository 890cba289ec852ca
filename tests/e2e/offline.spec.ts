import { expect, type Page, test } from '@playwright/test';
import { hashPin } from '../../main/security/pin.ts';
import { DEMO, itemLine, openKioskAndSimulator, place, present, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { openTab, signInAsTechnician } from './technician-page.ts';

/**
 * Offline mode on the embedded default: the simulator panel cuts the
 * demo ACS off (it drops every connection), the kiosk keeps lending from
 * its write-ahead queue, and when the network is back the loan reaches
 * the central system without anyone doing anything.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const MIO = '39000000000029';
const offlineBanner = (page: Page) => page.locator('[data-notice^="notice.offline"]');

/** Online the menu greets her by name; offline the kiosk knows only that card and PIN match its cache. */
async function signIn(page: Page, sim: Page, heading = 'Hej Anna!') {
  await present(sim, DEMO.anna);
  await typePin(page, '1234');
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

test('lends while the central system is down, titles and due dates as the central system will have them, registered when it is back', async ({
  page,
}, info) => {
  // Short hysteresis so the test does not wait the production 30 s before trusting the link again.
  kiosk = await startKioskProcess({
    config: {
      // The simulator panel cuts the network: demo mode only.
      demo: true,
      offline: { onlineAfterSeconds: 1, probeSeconds: 1, backoffSeconds: 1 },
      // A config file replaces the embedded default's demo technician PIN with a stored hash.
      technician: { pinHash: await hashPin('246810') },
    },
  });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);

  // Seen online once: her PIN is now in the local cache (hashed), so she can be served offline; and the
  // kiosk has seen the title of a book returned here.
  await signIn(screen, sim);
  await screen.getByRole('button', { name: 'Avsluta' }).click();
  await place(sim, MIO);
  await expect(itemLine(screen, MIO)).toContainText('Mio, min Mio');
  await screen.getByRole('button', { name: 'Klar' }).click();
  await screen.getByRole('button', { name: /Inget kvitto/ }).click();
  await screen.getByRole('button', { name: 'Klar' }).click();
  await sim.getByRole('button', { name: 'Lyft alla' }).click();

  await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
  // Finding 7: the banner says what works (borrowing too), not only returns.
  await expect(offlineBanner(screen)).toHaveText(/Du kan ändå låna och lämna tillbaka/, { timeout: 15_000 });
  await expect(offlineBanner(screen)).not.toContainText('vissa tjänster');
  await signIn(screen, sim, 'Vad vill du göra?');
  await screen.getByRole('button', { name: /Låna/ }).first().click();
  await expect(screen.getByText('Vi har ingen kontakt med bibliotekets system. Du kan ändå låna.', { exact: false })).toBeVisible();
  await place(sim, DEMO.pippi);
  await place(sim, MIO);
  const pippi = itemLine(screen, DEMO.pippi);
  await expect(pippi).toHaveAttribute('data-status', 'done');
  await expect(pippi).toContainText('Registreras så fort kontakten med bibliotekets system är tillbaka.');
  // Finding 6: never seen here and no connection: said in words, not a bare barcode.
  await expect(pippi).toContainText('Titeln kan inte visas utan kontakt med bibliotekets system');
  // Seen before: the title from the kiosk's own memory.
  await expect(itemLine(screen, MIO)).toContainText('Mio, min Mio');
  const shown = (await pippi.locator('.item-detail').first().textContent()) ?? '';
  expect(shown).toMatch(/^Lämna tillbaka senast .+\.$/);
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(0);
  await screen.screenshot({ path: info.outputPath('checkout-offline.png') });
  await screen.getByRole('button', { name: 'Klar' }).click();
  await screen.getByRole('button', { name: /Inget kvitto/ }).click();
  await screen.getByRole('button', { name: 'Klar' }).click();
  await expect(screen.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  await sim.getByRole('button', { name: 'Återställ nätverket' }).click();
  await expect(offlineBanner(screen)).toHaveCount(0, { timeout: 20_000 });
  // The replayed loan is the central system's now, due the day she was told (finding 7).
  await signIn(screen, sim);
  await screen.getByRole('button', { name: /Mina lån/ }).click();
  const loan = screen.locator(`li[data-item="${DEMO.pippi}"]`);
  await expect(loan).toContainText('Pippi Långstrump');
  await expect(loan).toContainText(shown);

  // Staff see it in the queue: written while offline, registered since.
  await signInAsTechnician(screen, kiosk);
  await openTab(screen, 'Transaktioner');
  const row = screen.getByRole('table', { name: 'Senaste transaktionerna' }).getByRole('row', { name: new RegExp(DEMO.pippi) });
  await expect(row).toContainText('Lån');
  await expect(row).toContainText('Klar');
  await expect(row).not.toContainText(DEMO.anna);
  await screen.screenshot({ path: info.outputPath('technician-queue.png') });
  await openTab(screen, 'Bibliotekssystemet');
  await expect(screen.getByRole('tabpanel')).toContainText('Koha');
});

test('the offline banner tells the truth where the branch does not lend offline', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { demo: true, offline: { checkout: false } } });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
  await expect(offlineBanner(screen)).toHaveText(/Du kan lämna tillbaka, men inte låna/, { timeout: 15_000 });
});
