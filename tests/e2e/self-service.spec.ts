import { expect, type Page, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The whole kiosk on the embedded default: the simulator panel presents
 * demo cards and places demo items on the simulated RFID pad (real FEIG
 * frames to the real driver), the kiosk talks real SIP2 to the demo ACS.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ANNA = '23000000000017';
const ERIK_BLOCKED = '23000000000025';

async function open(page: Page, path: '' | 'simulator'): Promise<Page> {
  const url = kiosk.url.replace('/?', `/${path}?`);
  await page.goto(url);
  return page;
}

async function simulator(kioskPage: Page): Promise<Page> {
  const sim = await kioskPage.context().newPage();
  await open(sim, 'simulator');
  await expect(sim.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  // A background tab gets no animation frames, which makes every click on the kiosk wait.
  await kioskPage.bringToFront();
  return sim;
}

const present = (sim: Page, card: string) => sim.locator(`li[data-card="${card}"]`).getByRole('button', { name: 'Visa kort' }).click();
const place = (sim: Page, item: string) => sim.locator(`li[data-item="${item}"]`).getByRole('button', { name: 'Lägg på' }).click();

async function typePin(page: Page, pin: string) {
  for (const d of pin) await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}

test('borrow a stack with a three-part audiobook; the set waits for its third disc', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  await page.bringToFront();

  await present(sim, ANNA);
  await expect(page.getByRole('heading', { name: 'Skriv din PIN-kod' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('pin.png') });
  await typePin(page, '1234');
  await expect(page.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await expect(page.getByText('Du har 1 reservation att hämta här.')).toBeVisible();
  await page.screenshot({ path: info.outputPath('menu.png') });
  await page.getByRole('button', { name: /Låna/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Låna' })).toBeVisible();

  await place(sim, '39000000000011');
  await place(sim, '39000000000029');
  await sim.locator('li[data-item="39000000000052"]').getByRole('button', { name: 'Del 1' }).click();
  await sim.locator('li[data-item="39000000000052"]').getByRole('button', { name: 'Del 2' }).click();

  const line = (id: string) => page.locator(`li[data-item="${id}"]`);
  await expect(line('39000000000011')).toHaveAttribute('data-status', 'done');
  await expect(line('39000000000011')).toContainText('Pippi Långstrump');
  await expect(line('39000000000011')).toContainText(/Åter /);
  await expect(line('39000000000029')).toHaveAttribute('data-status', 'done');
  await expect(line('39000000000052')).toHaveAttribute('data-status', 'incomplete');
  await expect(line('39000000000052')).toContainText('Lägg alla 3 delar på plattan (2 ligger där).');
  await page.screenshot({ path: info.outputPath('checkout-incomplete.png') });

  await sim.locator('li[data-item="39000000000052"]').getByRole('button', { name: 'Del 3' }).click();
  await expect(line('39000000000052')).toHaveAttribute('data-status', 'done');
  await expect(line('39000000000052')).toContainText('Utvandrarna');
  // Every tag of every loan was released (AFI on loan), confirmed on the simulated pad.
  await expect(sim.getByTestId('sim-pad').locator('li')).toHaveCount(5);
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(0);
  await page.screenshot({ path: info.outputPath('checkout.png') });

  await page.getByRole('button', { name: 'Klar' }).click();
  await expect(page.getByRole('heading', { name: 'Vill du ha ett kvitto?' })).toBeVisible();
  await page.getByRole('button', { name: /Skriv ut/ }).click();
  await expect(page.getByRole('heading', { name: 'Ta ditt kvitto.' })).toBeVisible();
  await expect(sim.getByTestId('sim-receipt')).toContainText('Utvandrarna');
  await page.screenshot({ path: info.outputPath('receipt.png') });
});

test('a refused item keeps its alarm: reserved for someone else', async ({ page }) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  await present(sim, ANNA);
  await typePin(page, '1234');
  await page.getByRole('button', { name: /Låna/ }).first().click();
  await place(sim, '39000000000086');
  const line = page.locator('li[data-item="39000000000086"]');
  await expect(line).toHaveAttribute('data-status', 'refused');
  await expect(line).toContainText('Reserverad för någon annan');
  // The refusal was also sounded (synthesised tone; the attribute is how a test hears it).
  await expect(page.locator('html')).toHaveAttribute('data-last-cue', 'refused');
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(1);
});

test('returns: transport crate for another branch, hold shelf for a waiting patron', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  // No card needed: items placed on the start screen are returned.
  await place(sim, '39000000000037');
  await expect(page.getByRole('heading', { name: 'Lämna tillbaka' })).toBeVisible();
  const crate = page.locator('li[data-item="39000000000037"]');
  await expect(crate).toHaveAttribute('data-status', 'done');
  await expect(crate.locator('[data-route="transit"]')).toHaveText('Ska till Köpings bibliotek: lägg den i transportlådan.');

  await place(sim, '39000000000045');
  const hold = page.locator('li[data-item="39000000000045"]');
  await expect(hold.locator('[data-route="hold-shelf"]')).toHaveText('Reserverad: ställ den på reservationshyllan, etikett …0082.');
  await page.screenshot({ path: info.outputPath('return.png') });
  await page.getByRole('button', { name: 'Klar' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
});

test('a blocked patron is told why; a wrong PIN is asked again', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  await present(sim, ANNA);
  await typePin(page, '9999');
  await expect(page.getByRole('alert')).toHaveText('Fel PIN-kod. Försök igen.');
  await page.screenshot({ path: info.outputPath('wrong-pin.png') });
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  await present(sim, ERIK_BLOCKED);
  await typePin(page, '2345');
  await expect(page.getByRole('heading', { name: 'Hej Erik!' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Ditt kort är spärrat.');
  await expect(page.getByRole('button', { name: /Låna/ }).first()).toBeDisabled();
  await page.screenshot({ path: info.outputPath('blocked.png') });
});

test('taking the card away ends the session', async ({ page }) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  await page.bringToFront();
  await present(sim, ANNA);
  await typePin(page, '1234');
  await expect(page.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await sim.locator(`li[data-card="${ANNA}"]`).getByRole('button', { name: 'Ta bort kortet' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
  await expect(page.getByText('Hej Anna!')).toHaveCount(0);
});

test('the other screens: typed card number, my loans, reservations, and the error screen', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  await open(page, '');
  const sim = await simulator(page);
  await page.getByRole('button', { name: /Tryck för att börja/ }).click();
  await expect(page.getByRole('heading', { name: 'Skanna ditt lånekort' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('identify.png') });
  await page.getByRole('button', { name: 'Avbryt' }).click();

  await present(sim, ANNA);
  await typePin(page, '1234');
  await page.getByRole('button', { name: 'Mina lån' }).click();
  await expect(page.getByRole('button', { name: 'Låna om alla' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('loans.png') });
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await page.getByRole('button', { name: 'Mina reservationer' }).click();
  await expect(page.getByText('Ta dem från reservationshyllan och låna dem här.')).toBeVisible();
  await page.screenshot({ path: info.outputPath('holds.png') });
  await page.getByRole('button', { name: 'Avsluta' }).click();

  // Offline, a patron the kiosk has never seen cannot be checked: the error screen says so (not "wrong PIN").
  await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
  await expect(page.getByTestId('status-central')).toContainText('Ej ansluten', { timeout: 15_000 });
  await present(sim, ERIK_BLOCKED);
  await typePin(page, '2345');
  await expect(page.getByRole('alert')).toContainText('Bibliotekssystemet går inte att nå.');
  await page.screenshot({ path: info.outputPath('error.png') });
  await page.getByRole('button', { name: 'Avsluta' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
});
