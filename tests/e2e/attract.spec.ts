import { expect, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

test('the start screen is served at the printed URL, in Swedish and English', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  expect(kiosk.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${kiosk.port}/\\?token=[\\w-]{20,}$`));
  expect(kiosk.port).toBeGreaterThan(0);
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
  // The page tries the bridge, is refused, and retries: wait for two refusals, then nothing may have come.
  const refusedTwice = new Promise<void>((resolve) => {
    let refusals = 0;
    page.on('websocket', (ws) => ws.on('close', () => ++refusals === 2 && resolve()));
  });
  await page.goto(kiosk.url.replace(/\?token=.*/, ''));
  await expect(page.getByText('Startar…')).toBeVisible();
  const viewCame = page
    .getByRole('button', { name: /Tryck för att börja/ })
    .waitFor()
    .then(() => 'the start screen came without the token');
  expect(await Promise.race([refusedTwice.then(() => 'refused twice'), viewCame])).toBe('refused twice');
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toHaveCount(0);
  await expect(page.getByText('Startar…')).toBeVisible();
});

test('an idle session shows a countdown and returns to the start screen', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { policies: { idleTimeoutSeconds: 10, idleWarningSeconds: 3 } } });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Tryck för att börja/ }).click();
  await expect(page.getByRole('heading', { name: 'Skanna ditt lånekort' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toContainText(/Sessionen avslutas om [123] sekunder/, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible({ timeout: 10_000 });
});
