import { expect, type Page, test } from '@playwright/test';
import { DEMO, openKioskAndSimulator, present, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Findings 2 and 3 of issue 16: a loan that should have been returned is
 * told at log-in, not only inside "Mina lån"; each renewal says what came
 * of it on its own line, "Låna om alla" sums up, and a refusal says why.
 * Anna has "Populärmusik från Vittula" (due in 10 days) and "Jerusalem"
 * (3 days overdue, reserved by Leila, so it cannot be renewed).
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const VITTULA = '39000000000094';
const JERUSALEM = '39000000000102';

async function signIn(page: Page, sim: Page) {
  await present(sim, DEMO.anna);
  await typePin(page, '1234');
  await expect(page.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
}

const dueText = async (page: Page, item: string) => (await page.locator(`li[data-item="${item}"]`).textContent()) ?? '';

test('the overdue loan is on the menu at log-in, with its title and date', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await signIn(screen, sim);
  const overdue = screen.getByTestId('overdue');
  await expect(overdue).toContainText('Du har 1 lån som skulle ha lämnats tillbaka.');
  await expect(overdue).toContainText(/Jerusalem, senast \S+ \d+ \S+ \d{4}/);
  await screen.screenshot({ path: info.outputPath('menu-overdue.png') });
  await overdue.getByRole('button', { name: 'Se lånen och låna om' }).click();
  await expect(screen.getByRole('heading', { name: 'Mina lån' })).toBeVisible();
  // Overdue first, said in words (not only in colour).
  await expect(screen.locator('li[data-item]').first()).toHaveAttribute('data-item', JERUSALEM);
  await expect(screen.locator(`li[data-item="${JERUSALEM}"]`)).toContainText('Försenad. Skulle ha lämnats tillbaka senast');
});

test('renewing says what happened to each loan; "Låna om alla" sums up; a refusal says why', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await signIn(screen, sim);
  await screen.getByRole('button', { name: /Mina lån/ }).click();
  const before = await dueText(screen, VITTULA);

  const vittula = screen.locator(`li[data-item="${VITTULA}"]`);
  await vittula.getByRole('button', { name: 'Låna om' }).click();
  await expect(vittula.locator('[data-renewal]')).toHaveAttribute('data-renewal', 'renewed');
  await expect(vittula.locator('[data-renewal]')).toHaveText(/^Omlånad\. Lämna tillbaka senast .+\.$/);
  const newDate = (await vittula.locator('[data-renewal]').textContent())?.match(/senast (.+)\.$/)?.[1] ?? 'no date';
  expect(before).not.toContain(newDate);
  // The list itself is fetched again from the library system and says the same.
  await expect(vittula).toContainText(`Lämna tillbaka senast ${newDate}.Omlånad`);

  const jerusalem = screen.locator(`li[data-item="${JERUSALEM}"]`);
  await jerusalem.getByRole('button', { name: 'Låna om' }).click();
  await expect(jerusalem.locator('[data-renewal]')).toHaveText(
    'Den kan inte lånas om, eftersom någon annan har reserverat den. Lämna tillbaka den så snart du kan.',
  );

  await screen.getByRole('button', { name: 'Låna om alla' }).click();
  await expect(screen.getByTestId('renew-summary')).toHaveText('1 av 2 lånades om.');
  await screen.screenshot({ path: info.outputPath('loans-renewed.png') });

  // It crossed the wire: after logging in again the library system has the new date.
  await screen.getByRole('button', { name: 'Avsluta' }).click();
  await signIn(screen, sim);
  await screen.getByRole('button', { name: /Mina lån/ }).click();
  expect(await dueText(screen, VITTULA)).toContain(`senast ${newDate}.`);
});
