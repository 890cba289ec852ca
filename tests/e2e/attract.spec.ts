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

/** Finding 12: a page that cannot get a view says why, for the technician, instead of "Startar…" for ever. */
test('the start page without a token, or with an old one, tells the technician what is wrong', async ({ page }) => {
  kiosk = await startKioskProcess();
  await page.goto(kiosk.url.replace(/\?token=.*/, ''));
  await expect(page.getByRole('heading', { name: 'Automaten kan inte visas' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Adressen saknar sin nyckel');
  await expect(page.getByText('Startar…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toHaveCount(0);

  // A token from an earlier start: the kiosk has a new one now.
  await page.goto(kiosk.url.replace(/token=[\w-]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
  await expect(page.getByRole('alert')).toContainText('Nyckeln i adressen stämmer inte');
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toHaveCount(0);

  // The door terminal says the same.
  await page.goto(kiosk.url.replace('/?token=', '/door?token=x'));
  await expect(page.getByRole('alert')).toContainText('Nyckeln i adressen stämmer inte');
});

test('an idle session shows a countdown, can be ended at once, and returns to the start screen by itself', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { policies: { idleTimeoutSeconds: 10, idleWarningSeconds: 3 } } });
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Tryck för att börja/ }).click();
  await expect(page.getByRole('heading', { name: 'Visa ditt lånekort' })).toBeVisible();
  const dialog = page.getByRole('alertdialog', { name: 'Är du kvar?' });
  await expect(dialog).toContainText(/Om [123] sekunder loggas du ut/, { timeout: 15_000 });
  // Finding 8: "Logga ut nu" in the idle dialog.
  await dialog.getByRole('button', { name: 'Logga ut nu' }).click();
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  await page.getByRole('button', { name: /Tryck för att börja/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible({ timeout: 10_000 });
});
