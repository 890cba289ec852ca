import { expect, type Page, test } from '@playwright/test';
import type { Language } from '../../shared/config/branch.ts';
import { borrowToReceipt, DEMO, openKioskAndSimulator } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * The receipt follows the session's language, its date and time too (it was
 * wired to sv-SE): what is checked is what the printer got (ESC/POS parsed
 * back by the simulated printer). An Arabic session's receipt is printed in
 * the branch's language, since receipt printers have no Arabic script.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

async function borrowAndPrint(screen: Page, sim: Page, language: Language, item: string): Promise<string> {
  await screen.locator(`.language-switch button[lang="${language}"]`).click();
  await borrowToReceipt(screen, sim, DEMO.anna, '1234', item);
  // The receipt question: print is the first choice.
  await screen.locator('main.receipt .menu-button').first().click();
  await expect(screen.locator('main.receipt.finished')).toBeVisible();
  const receipt = (await sim.getByTestId('sim-receipt').textContent()) ?? '';
  await screen.locator('.action-bar .primary').click();
  await sim.getByRole('button', { name: 'Lyft alla' }).click();
  return receipt;
}

test('the receipt is in the session language, its dates too; an Arabic session gets the branch language', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);

  const english = await borrowAndPrint(screen, sim, 'en', DEMO.pippi);
  expect(english).toContain('Loan receipt');
  // en-GB: "30/11/2026, 17:15" and "Return by Mon 14 Dec 2026."
  expect(english).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
  expect(english).toMatch(/Return by [A-Z][a-z]{2},? \d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(english).not.toContain('Lämna tillbaka');

  const finnish = await borrowAndPrint(screen, sim, 'fi', DEMO.second);
  expect(finnish).toContain('Lainakuitti');
  // fi-FI: "30.11.2026 klo 17.15" and "Palautettava viimeistään ma 14.12.2026."
  expect(finnish).toMatch(/\d{1,2}\.\d{1,2}\.\d{4}/);
  expect(finnish).toContain('Palautettava viimeistään');

  const arabic = await borrowAndPrint(screen, sim, 'ar', '39000000000128');
  expect(arabic).toContain('Lånekvitto');
  // sv-SE: "2026-11-30 17:15", Western digits the printer can print.
  expect(arabic).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(arabic).not.toMatch(/[\u0600-\u06FF]/);
});
