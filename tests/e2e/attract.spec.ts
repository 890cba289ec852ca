import { expect, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

test('the start screen is served at the printed URL on port 5390, in Swedish and English', async ({ page }, info) => {
  kiosk = await startKioskProcess({ port: 5390 });
  expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:5390\/\?token=[\w-]{20,}$/);
  await page.goto(kiosk.url);

  await expect(page.getByRole('heading', { name: 'Välkommen till Västerås stadsbibliotek' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.screenshot({ path: info.outputPath('attract-sv.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Västerås stadsbibliotek' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Touch to start/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: info.outputPath('attract-en.png') });
});

test('the page without the token never gets a view', async ({ page }) => {
  kiosk = await startKioskProcess();
  await page.goto(kiosk.url.replace(/\?token=.*/, ''));
  await expect(page.getByText('Startar…')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toHaveCount(0);
});

test('an idle session shows a countdown and returns to the start screen', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { policies: { idleTimeoutSeconds: 10, idleWarningSeconds: 3 } } });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Tryck för att börja/ }).click();
  await expect(page.getByRole('heading', { name: 'Skanna ditt lånekort' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toContainText(/Sessionen avslutas om [123] sekunder/, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible({ timeout: 10_000 });
});
