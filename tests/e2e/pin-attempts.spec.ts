import { expect, test } from '@playwright/test';
import { doorPages, enter, setClock } from './door-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The patron PIN limit as a patron meets it, in Chromium on the embedded
 * default: five wrong PINs at the self-service screen, then the card is
 * refused there and at the door, each saying in Swedish when to try again.
 * Moving the demo's door clock does not lift it (the count runs on the real
 * clock).
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ANNA = '23000000000017';
const TRY_AGAIN = /^För många felaktiga PIN-koder för det här kortet\. Försök igen klockan ([01]\d|2[0-3]):[0-5]\d\.$/;

test('five wrong PINs at the screen: refused there and at the door, with the time to try again', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { door, sim } = await doorPages(page, kiosk);
  const screen = await page.context().newPage();
  await screen.goto(kiosk.url);
  await screen.bringToFront();
  await sim.locator(`li[data-card="${ANNA}"]`).getByRole('button', { name: 'Visa kort' }).click();
  for (const pin of ['1111', '2222', '3333', '4444', '5555']) {
    await expect(screen.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
    for (const d of pin) await screen.getByRole('button', { name: `Siffra ${d}` }).click();
    await screen.getByRole('button', { name: 'OK', exact: true }).click();
    if (pin !== '5555') await expect(screen.getByRole('alert')).toHaveText('Fel PIN-kod. Försök igen.');
  }
  const refusal = screen.locator('main.error [role="alert"]');
  await expect(refusal).toHaveText(TRY_AGAIN);
  const message = (await refusal.textContent()) ?? '';
  expect(message).toMatch(TRY_AGAIN);

  // At the door, in unstaffed hours by the demo's door clock, with the right PIN: refused, the same time named.
  await setClock(sim, '2026-11-30T06:05:00+01:00');
  await enter(door, ANNA, '1234');
  await expect(door.getByTestId('door-reason')).toHaveText(message);
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: låst');
});
