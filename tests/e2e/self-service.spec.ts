import { expect, type Page, test } from '@playwright/test';
import { DEMO, itemLine, openKioskAndSimulator, place, placePart, present, takeCardAway, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The whole kiosk on the embedded default: the simulator panel presents
 * demo cards and places demo items on the simulated RFID pad (real FEIG
 * frames to the real driver), the kiosk talks real SIP2 to the demo ACS.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const start = (page: Page) => page.getByRole('button', { name: /Tryck för att börja/ });

test('borrow a stack with a three-part audiobook; the set waits for its third disc', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);

  await present(sim, DEMO.anna);
  await expect(screen.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
  await screen.screenshot({ path: info.outputPath('pin.png') });
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await expect(screen.getByText('1 reservation väntar på dig här.')).toBeVisible();
  await screen.screenshot({ path: info.outputPath('menu.png') });
  await screen.getByRole('button', { name: /Låna/ }).first().click();
  await expect(screen.getByRole('heading', { name: 'Låna' })).toBeVisible();

  await place(sim, DEMO.pippi);
  await place(sim, DEMO.second);
  await placePart(sim, DEMO.audiobook3, 1);
  await placePart(sim, DEMO.audiobook3, 2);

  await expect(itemLine(screen, DEMO.pippi)).toHaveAttribute('data-status', 'done');
  await expect(itemLine(screen, DEMO.pippi)).toContainText('Pippi Långstrump');
  await expect(itemLine(screen, DEMO.pippi)).toContainText(/Lånad.*Lämna tillbaka senast/);
  await expect(itemLine(screen, DEMO.second)).toHaveAttribute('data-status', 'done');
  await expect(itemLine(screen, DEMO.audiobook3)).toHaveAttribute('data-status', 'incomplete');
  await expect(itemLine(screen, DEMO.audiobook3)).toContainText('Lägg alla 3 delarna på plattan. Nu ligger 2 där.');
  await screen.screenshot({ path: info.outputPath('checkout-incomplete.png') });

  await placePart(sim, DEMO.audiobook3, 3);
  await expect(itemLine(screen, DEMO.audiobook3)).toHaveAttribute('data-status', 'done');
  await expect(itemLine(screen, DEMO.audiobook3)).toContainText('Utvandrarna');
  await expect(screen.getByTestId('items-summary')).toHaveText('3 av 3 lånade');
  // Every tag of every loan was released (AFI on loan), confirmed on the simulated pad.
  await expect(sim.getByTestId('sim-pad').locator('li')).toHaveCount(5);
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(0);
  await screen.screenshot({ path: info.outputPath('checkout.png') });

  await screen.getByRole('button', { name: 'Klar' }).click();
  await expect(screen.getByRole('heading', { name: 'Vill du ha ett kvitto?' })).toBeVisible();
  await screen.getByRole('button', { name: /Skriv ut/ }).click();
  await expect(screen.getByRole('heading', { name: 'Klart! 3 lån är registrerade.' })).toBeVisible();
  await expect(screen.getByText('Ta kvittot från skrivaren.')).toBeVisible();
  await expect(sim.getByTestId('sim-receipt')).toContainText('Utvandrarna');
  await screen.screenshot({ path: info.outputPath('receipt.png') });
  await screen.getByRole('button', { name: 'Klar' }).click();
  await expect(start(screen)).toBeVisible();
});

test('a blocked patron is told why and whom to contact; a wrong PIN is asked again', async ({ page }, info) => {
  kiosk = await startKioskProcess({ config: { demo: true, branch: { contact: { phone: '021-39 46 00' } } } });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await present(sim, DEMO.anna);
  await typePin(screen, '9999');
  await expect(screen.getByRole('alert')).toHaveText('Fel PIN-kod. Försök igen.');
  await screen.screenshot({ path: info.outputPath('wrong-pin.png') });
  await screen.getByRole('button', { name: 'Avbryt' }).click();
  await expect(start(screen)).toBeVisible();

  await present(sim, DEMO.erikBlocked);
  await typePin(screen, '2345');
  await expect(screen.getByRole('heading', { name: 'Hej Erik!' })).toBeVisible();
  const blocked = screen.getByTestId('blocked');
  await expect(blocked).toContainText('Du kan inte låna just nu.');
  await expect(blocked).toContainText('Ditt kort är spärrat.');
  // Finding 10: the blocked patron is told to contact the library, and how.
  await expect(blocked).toContainText('Kontakta biblioteket, så hjälper vi dig.');
  await expect(blocked.getByTestId('contact')).toHaveText('Telefon 021-39 46 00');
  await expect(screen.getByRole('button', { name: /Låna/ }).first()).toBeDisabled();
  await screen.screenshot({ path: info.outputPath('blocked.png') });
});

test('taking the card away ends the session', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await present(sim, DEMO.anna);
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await takeCardAway(sim, DEMO.anna);
  await expect(start(screen)).toBeVisible();
  await expect(screen.getByText('Hej Anna!')).toHaveCount(0);
});

test('the other screens: typed card number, reservations, and the error screen', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await start(screen).click();
  await expect(screen.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();
  for (const d of DEMO.anna) await screen.getByRole('button', { name: `Siffra ${d}`, exact: true }).click();
  await expect(screen.getByTestId('card-entry')).toHaveText(DEMO.anna);
  // "Rensa" clears the digits (the same meaning everywhere).
  await screen.getByRole('button', { name: 'Rensa' }).click();
  await expect(screen.getByTestId('card-entry')).toHaveText('');
  await screen.screenshot({ path: info.outputPath('identify.png') });
  await screen.getByRole('button', { name: 'Avbryt' }).click();

  await present(sim, DEMO.anna);
  await typePin(screen, '1234');
  await screen.getByRole('button', { name: 'Mina reservationer' }).click();
  await expect(screen.getByText('De står på reservationshyllan. Ta dem därifrån och låna dem här.')).toBeVisible();
  await screen.screenshot({ path: info.outputPath('holds.png') });
  await screen.getByRole('button', { name: 'Avsluta' }).click();

  // Offline, a patron the kiosk has never seen cannot be checked: the error screen says so (not "wrong PIN").
  await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
  await expect(screen.locator('[data-notice^="notice.offline"]')).toBeVisible({ timeout: 15_000 });
  await present(sim, DEMO.erikBlocked);
  await typePin(screen, '2345');
  await expect(screen.getByRole('alert')).toContainText('Vi har ingen kontakt med bibliotekets system just nu.');
  await screen.screenshot({ path: info.outputPath('error.png') });
  await screen.getByRole('button', { name: 'Avsluta' }).click();
  await expect(start(screen)).toBeVisible();
});
