import { expect, type Page, test } from '@playwright/test';
import { doorPages, enter, setClock } from './door-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The unstaffed branch's door on the embedded default: the door screen
 * (/door) with its card entry and PIN pad, the simulator panel setting the
 * kiosk's clock and opening the simulated door contact. Opening hours:
 * unstaffed 06:00-22:00 (Europe/Stockholm).
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ANNA = '23000000000017';
const ELSA_15 = '23000000000041';
// A Monday in winter time (UTC+1).
const at = (hhmm: string) => `2026-11-30T${hhmm}:00+01:00`;

const pages = (page: Page) => doorPages(page, kiosk);

test('an eligible patron enters at 06:05 and is refused at 22:05', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  await setClock(sim, at('06:05'));
  await enter(door, ANNA, '1234');
  await expect(door.getByRole('heading', { name: /Välkommen! Dörren är öppen./ })).toBeVisible();
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: upplåst');
  await door.screenshot({ path: info.outputPath('door-granted.png') });

  await setClock(sim, at('22:05'));
  await expect(door.getByTestId('door-mode')).toHaveText('Stängt', { timeout: 15_000 });
  await enter(door, ANNA, '1234');
  await expect(door.getByTestId('door-reason')).toHaveText('Biblioteket är inte öppet för meröppet just nu.');
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: låst');
  await door.screenshot({ path: info.outputPath('door-closed.png') });
});

test('a 15-year-old is refused where the age limit is 18', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  await setClock(sim, at('09:00'));
  await enter(door, ELSA_15, '4567');
  await expect(door.getByTestId('door-reason')).toHaveText('Du är för ung för att gå in på meröppet på egen hand.');
});

test('a door held open raises the alarm; a door forced open too', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { demo: true, door: { heldOpenSeconds: 5 } } });
  const { door, sim } = await pages(page);
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  // Opened without a grant: forced.
  await expect(door.getByRole('heading', { name: 'Larm: dörren har brutits upp.' })).toBeVisible();
  await expect(sim.getByRole('alert')).toHaveText('LARM');
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();

  await setClock(sim, at('07:00'));
  await enter(door, ANNA, '1234');
  await expect(door.getByRole('heading', { name: /Välkommen!/ })).toBeVisible();
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Stäng dörren, tack.' })).toBeVisible({ timeout: 15_000 });
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible({ timeout: 10_000 });
});

test('closing: "closes in 15 minutes" on the door and the self-service screen, said aloud; someone let in just before is reported at 22:00', async ({
  page,
}, info) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  const selfService = await page.context().newPage();
  await selfService.goto(kiosk.url);
  await setClock(sim, at('21:40'));
  await enter(door, ANNA, '1234');
  await expect(door.getByRole('heading', { name: /Välkommen! Dörren är öppen./ })).toBeVisible();

  await setClock(sim, at('21:45'));
  await door.bringToFront();
  await expect(door.getByRole('alert').filter({ hasText: 'Biblioteket stänger om 15 minuter.' })).toBeVisible();
  await expect(door.locator('html')).toHaveAttribute('data-last-spoken', 'door.closingIn');
  await door.screenshot({ path: info.outputPath('door-closing.png') });
  await selfService.bringToFront();
  await expect(selfService.getByRole('alert').filter({ hasText: 'Biblioteket stänger om 15 minuter.' })).toBeVisible();
  await expect(selfService.locator('html')).toHaveAttribute('data-last-spoken', 'door.closingIn');

  await setClock(sim, at('22:00'));
  await door.bringToFront();
  await expect(door.getByTestId('door-evacuation')).toHaveText('Stängt: 1 person kom in de sista 30 minuterna och kan vara kvar inne.');
});
