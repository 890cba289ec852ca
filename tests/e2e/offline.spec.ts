import { expect, type Page, test } from '@playwright/test';
import { hashPin } from '../../main/security/pin.ts';
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

const ANNA = '23000000000017';
const PIPPI = '39000000000011';

async function typePin(page: Page, pin: string) {
  for (const d of pin) await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}

/** Online the menu greets her by name; offline the kiosk knows only that card and PIN match its cache. */
async function signIn(page: Page, sim: Page, heading = 'Hej Anna!') {
  await sim.locator(`li[data-card="${ANNA}"]`).getByRole('button', { name: 'Visa kort' }).click();
  await typePin(page, '1234');
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

test('lends while the central system is down, and registers the loan when it is back', async ({ page }, info) => {
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
  await page.goto(kiosk.url);
  const sim = await page.context().newPage();
  await sim.goto(kiosk.url.replace('/?', '/simulator?'));
  // A background tab gets no animation frames, which makes every click on it wait.
  await page.bringToFront();

  // Seen online once: her PIN is now in the local cache (hashed), so she can be served offline.
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Avsluta' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
  await expect(page.getByTestId('status-central')).toContainText('Ej ansluten', { timeout: 15_000 });
  await signIn(page, sim, 'Vad vill du göra?');
  await page.getByRole('button', { name: /Låna/ }).first().click();
  await expect(page.getByText('Utan förbindelse: lånen sparas här och förs över senare.')).toBeVisible();
  await sim.locator(`li[data-item="${PIPPI}"]`).getByRole('button', { name: 'Lägg på' }).click();
  const line = page.locator(`li[data-item="${PIPPI}"]`);
  await expect(line).toHaveAttribute('data-status', 'done');
  await expect(line).toContainText('Registrerat utan förbindelse');
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('checkout-offline.png') });
  await page.getByRole('button', { name: 'Klar' }).click();
  await page.getByRole('button', { name: 'Inget kvitto' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  await sim.getByRole('button', { name: 'Återställ nätverket' }).click();
  await expect(page.getByTestId('status-central')).not.toContainText('Ej ansluten', { timeout: 20_000 });
  // The replayed loan is the central system's now: it is on her loans list, with the server's due date.
  await signIn(page, sim);
  await page.getByRole('button', { name: 'Mina lån' }).click();
  await expect(page.locator(`li[data-item="${PIPPI}"]`)).toContainText('Pippi Långstrump');

  // Staff see it in the queue: written while offline, registered since.
  await signInAsTechnician(page, kiosk);
  await openTab(page, 'Transaktioner');
  const row = page.getByRole('table', { name: 'Senaste transaktionerna' }).getByRole('row', { name: new RegExp(PIPPI) });
  await expect(row).toContainText('Lån');
  await expect(row).toContainText('Klar');
  await expect(row).not.toContainText(ANNA);
  await page.screenshot({ path: info.outputPath('technician-queue.png') });
  await openTab(page, 'Bibliotekssystemet');
  await expect(page.getByRole('tabpanel')).toContainText('Koha');
});
