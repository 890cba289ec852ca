import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, openKioskAndSimulator, place, present, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Finding 8 of issue 16: on a portrait kiosk (1080×1920) the screens use the
 * whole screen, the way off a screen ("Klar", "Avsluta") is a big target,
 * and patrons see no system words ("Bibliotekssystemet: Ansluten").
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());
test.use({ viewport: { width: 1080, height: 1920 } });

const SYSTEM_WORDS = /Bibliotekssystemet:|Utrustning|Ansluten|Allt fungerar|SIP2|Ej ansluten/;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

async function bigWayOut(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  const b = await box(button);
  expect(b.width, `${name} is wide`).toBeGreaterThan(1080 * 0.4);
  expect(b.height, `${name} is tall`).toBeGreaterThanOrEqual(80);
  // Not smaller than any other plain button on the screen (the keypad's keys, "Låna om", ...).
  for (const other of await page.locator('main button:not(.menu-button)').all()) {
    if ((await other.textContent()) === name) continue;
    expect(b.height, `${name} no smaller than ${await other.textContent()}`).toBeGreaterThanOrEqual((await box(other)).height - 1);
  }
  // At the bottom of the screen, where the eye ends.
  expect(b.y + b.height).toBeGreaterThan(1920 * 0.85);
}

test('portrait: the screens fill the screen, "Avsluta" and "Klar" are big, no system words', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await expect(screen.locator('body')).not.toContainText(SYSTEM_WORDS);

  await present(sim, DEMO.anna);
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await bigWayOut(screen, 'Avsluta');
  await expect(screen.locator('body')).not.toContainText(SYSTEM_WORDS);
  const grid = await box(screen.locator('.menu-grid'));
  expect(grid.width).toBeGreaterThan(1080 * 0.85);
  await screen.screenshot({ path: info.outputPath('menu-portrait.png') });

  await screen.getByRole('button', { name: /Låna/ }).first().click();
  await place(sim, DEMO.pippi);
  await place(sim, DEMO.reservedForOther);
  await expect(screen.locator('li[data-status="refused"]')).toHaveCount(1);
  const lines = await box(screen.locator('.item-lines'));
  expect(lines.width, 'item lines use the width of the screen').toBeGreaterThan(1080 * 0.85);
  await bigWayOut(screen, 'Klar');
  await expect(screen.locator('body')).not.toContainText(SYSTEM_WORDS);
  await screen.screenshot({ path: info.outputPath('checkout-portrait.png') });
});
