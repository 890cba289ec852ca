import { expect, test } from '@playwright/test';
import { DEMO, itemLine, openKioskAndSimulator, place, present } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Finding 5 of issue 16: return lines say "Återlämnad"; nobody is asked to
 * use a hold-shelf label they do not have; a return without a card ends
 * with a receipt question and a closing screen instead of jumping to the
 * start; a card shown on the return screen starts that patron's session.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

test('returns at night: "Återlämnad" on every line, where each goes, a return receipt and a proper end', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await sim.getByRole('textbox', { name: 'Automatens klocka' }).fill('2026-11-30T21:00:00+01:00');
  await sim.getByRole('button', { name: 'Ställ' }).click();
  // No card needed: items placed on the start screen are returned.
  await place(sim, DEMO.koping);
  await expect(screen.getByRole('heading', { name: 'Lämna tillbaka' })).toBeVisible();
  await place(sim, DEMO.reservedForLeila);
  await place(sim, DEMO.pippi);

  const crate = itemLine(screen, DEMO.koping);
  await expect(crate).toHaveAttribute('data-status', 'done');
  await expect(crate).toContainText('Återlämnad');
  await expect(crate.locator('[data-route="transit"]')).toHaveText('Den ska till Köpings bibliotek. Lägg den i transportlådan.');
  const hold = itemLine(screen, DEMO.reservedForLeila);
  await expect(hold).toContainText('Återlämnad');
  await expect(hold.locator('[data-route="hold-shelf"]')).toHaveText(
    'Någon har reserverat den. Ställ den på återlämningshyllan, så tar biblioteket hand om resten.',
  );
  await expect(screen.locator('main')).not.toContainText('etikett');
  await expect(screen.locator('main')).not.toContainText('Klart');
  await expect(itemLine(screen, DEMO.pippi).locator('[data-route="shelf"]')).toContainText('Ställ den på återlämningshyllan.');
  await expect(screen.getByTestId('items-summary')).toHaveText('3 av 3 återlämnade');
  await screen.screenshot({ path: info.outputPath('return.png') });

  await screen.getByRole('button', { name: 'Klar' }).click();
  await expect(screen.getByRole('heading', { name: 'Vill du ha ett kvitto på det du lämnat tillbaka?' })).toBeVisible();
  await screen.getByRole('button', { name: /Skriv ut/ }).click();
  await expect(screen.getByRole('heading', { name: 'Klart! 3 återlämningar är registrerade.' })).toBeVisible();
  // What the printer got (ESC/POS parsed back by the simulated printer).
  const receipt = sim.getByTestId('sim-receipt');
  await expect(receipt).toContainText('Återlämningskvitto');
  await expect(receipt).toContainText('Röda rummet');
  await expect(receipt).toContainText('Antal återlämnade: 3');
  await screen.screenshot({ path: info.outputPath('return-finished.png') });
  await screen.getByRole('button', { name: 'Klar' }).click();
  await expect(screen.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
});

test("a card shown on the return screen starts that patron's session", async ({ page }) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await place(sim, DEMO.pippi);
  await expect(itemLine(screen, DEMO.pippi)).toHaveAttribute('data-status', 'done');
  await present(sim, DEMO.anna);
  await expect(screen.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
});
