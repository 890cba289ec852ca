import { expect, type Page, test } from '@playwright/test';
import { digit, doorPages, enter, setClock } from './door-pages.ts';
import { queryKioskDb } from './kiosk-files.ts';
import { DEMO } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The unstaffed branch's door on the embedded default: the door screen
 * (/door) with its on-screen keypads for the card number and the PIN, the
 * simulator panel setting the kiosk's clock and opening the simulated door
 * contact. Opening hours: unstaffed 06:00-22:00, staffed 10:00-19:00 on
 * weekdays (Europe/Stockholm).
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ELSA_15 = '23000000000041';
const CONTACT = { phone: '021-39 46 00', web: 'bibliotek.vasteras.se' };
// A Monday in winter time (UTC+1).
const at = (hhmm: string) => `2026-11-30T${hhmm}:00+01:00`;

const pages = (page: Page) => doorPages(page, kiosk);

test('an eligible patron enters at 06:05; at 22:05 the door says it is closed, when it opens and when staff are in', async ({
  page,
}, info) => {
  kiosk = await startKioskProcess({ config: { demo: true, branch: { contact: CONTACT } } });
  const { door, sim } = await pages(page);
  await setClock(sim, at('06:05'));
  await enter(door, DEMO.anna, '1234');
  await expect(door.getByRole('heading', { name: /Välkommen! Dörren är öppen./ })).toBeVisible();
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: upplåst');
  await door.screenshot({ path: info.outputPath('door-granted.png') });

  // Finding 4: at closing time the screen says closed, not "show your card".
  await setClock(sim, at('22:05'));
  await expect(door.getByTestId('door-mode')).toHaveText('Stängt', { timeout: 15_000 });
  await door.bringToFront();
  await expect(door.getByRole('heading', { name: 'Biblioteket är stängt' })).toBeVisible();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toHaveCount(0);
  await expect(door.getByTestId('door-opens')).toHaveText('Vi öppnar igen tisdag 1 december kl. 06:00.');
  await expect(door.getByTestId('door-staffed')).toHaveText('Personal finns här tisdag 1 december kl. 10:00–19:00.');
  await door.screenshot({ path: info.outputPath('door-closed.png') });

  // A denial says why, when to come back, when staff are in and how to reach the library.
  await enter(door, DEMO.anna, '1234');
  const denied = door.getByTestId('door-denied');
  await expect(denied.getByTestId('door-reason')).toHaveText('Biblioteket är stängt just nu.');
  await expect(denied.getByTestId('door-opens')).toHaveText('Vi öppnar igen tisdag 1 december kl. 06:00.');
  await expect(denied.getByTestId('door-staffed')).toContainText('10:00–19:00');
  await expect(denied.getByTestId('contact')).toHaveText('Telefon 021-39 46 00Webb bibliotek.vasteras.se');
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: låst');
  await door.screenshot({ path: info.outputPath('door-denied.png') });
  // The answer stays until the patron is done with it, though the door is ready again.
  await expect(door.locator('.door-terminal')).toHaveAttribute('data-step', 'idle', { timeout: 15_000 });
  await expect(denied).toBeVisible();
  await denied.getByRole('button', { name: 'OK' }).click();
  await expect(door.getByRole('heading', { name: 'Biblioteket är stängt' })).toBeVisible();
});

test('the door keypads: "Rensa" clears the digits, "Avbryt" ends the attempt; the language is chosen at the door', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  await setClock(sim, at('09:00'));
  await door.bringToFront();
  await door.getByRole('button', { name: 'Slå kortnumret' }).click();
  for (const d of '2300') await digit(door, d);
  await expect(door.getByTestId('card-entry')).toHaveText('2300');
  await door.getByRole('button', { name: 'Rensa' }).click();
  await expect(door.getByTestId('card-entry')).toHaveText('');
  for (const d of DEMO.anna) await digit(door, d);
  await door.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(door.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
  for (const d of '12') await digit(door, d);
  await expect(door.locator('.pin-dots')).toHaveText('●●');
  // Finding 4: "Rensa" clears the digits and the attempt goes on.
  await door.getByRole('button', { name: 'Rensa' }).click();
  await expect(door.locator('.pin-dots')).toHaveText('');
  await expect(door.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
  // "Avbryt" ends it.
  await door.getByRole('button', { name: 'Avbryt' }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();

  // Language at the door: English for this attempt, Swedish again once it is over.
  await door.getByRole('button', { name: 'English' }).click();
  await expect(door.getByRole('heading', { name: 'Show your library card' })).toBeVisible();
  await door.getByRole('button', { name: 'Type the card number' }).click();
  for (const d of ELSA_15) await door.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
  await door.getByRole('button', { name: 'Continue' }).click();
  for (const d of '4567') await door.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
  await door.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(door.getByTestId('door-reason')).toHaveText(
    'You are too young to come in on your own while the library is unstaffed. You are welcome when staff are here.',
  );
  await door.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();
});

test('a 15-year-old is refused where the age limit is 18', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  await setClock(sim, at('09:00'));
  await enter(door, ELSA_15, '4567');
  await expect(door.getByTestId('door-reason')).toHaveText(
    'Du är för ung för att gå in på egen hand när biblioteket är obemannat. Välkommen tillbaka när personalen är här.',
  );
});

test('a door held open raises the alarm; a door forced open too', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { demo: true, door: { heldOpenSeconds: 5 } } });
  const { door, sim } = await pages(page);
  // Opening hours, whatever the real time is (the door says "closed" instead of "show your card" after 22:00).
  await setClock(sim, at('06:30'));
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  // Opened without a grant: forced.
  await expect(door.getByRole('heading', { name: 'Larm: dörren har brutits upp.' })).toBeVisible();
  await expect(sim.getByRole('alert')).toHaveText('LARM');
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();

  await setClock(sim, at('07:00'));
  await enter(door, DEMO.anna, '1234');
  await expect(door.getByRole('heading', { name: /Välkommen!/ })).toBeVisible();
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Stäng dörren, tack.' })).toBeVisible({ timeout: 15_000 });
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await expect(door.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible({ timeout: 10_000 });
});

test('after closing, someone inside presses the exit button and leaves: the lock opens and no alarm is raised', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { demo: true } });
  const { door, sim } = await pages(page);
  await setClock(sim, at('22:30'));
  await sim.getByRole('button', { name: 'Tryck på utgångsknappen' }).click();
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: upplåst');
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  await expect(sim.getByTestId('sim-contact')).toHaveText('Dörren: öppen');
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await expect(sim.getByTestId('sim-contact')).toHaveText('Dörren: stängd');
  await expect(sim.getByRole('alert')).toHaveCount(0);
  await expect(door.getByRole('heading', { name: 'Larm: dörren har brutits upp.' })).toHaveCount(0);
  // What hit the disk: no alarm in the entry log; the pulse ends with the lock locked again.
  expect(queryKioskDb(kiosk, 'SELECT kind FROM door_alarms')).toEqual([]);
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: låst', { timeout: 15_000 });
});

test('closing: "closes in 15 minutes" on the door and the self-service screen, said aloud; someone let in just before is reported at 22:00', async ({
  page,
}, info) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await pages(page);
  const selfService = await page.context().newPage();
  await selfService.goto(kiosk.url);
  await setClock(sim, at('21:40'));
  await enter(door, DEMO.anna, '1234');
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
  await expect(door.getByTestId('door-evacuation')).toHaveText('Stängt. 1 person kom in de sista 30 minuterna och kan vara kvar inne.');
});
