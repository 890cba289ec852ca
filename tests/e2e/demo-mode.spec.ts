import { expect, test } from '@playwright/test';
import { hashPin } from '../../main/security/pin.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Demo mode is explicit: a config file without `demo: true` is a real
 * install, even when its devices are still simulated (a config without
 * `devices:` gets simulated ones). The real `openbranch start` process,
 * driven in Chromium.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

test('outside demo mode /simulator is not served, and the technician screen warns about simulated devices', async ({ page }) => {
  kiosk = await startKioskProcess({ config: { technician: { pinHash: await hashPin('246810') } } });
  const simulator = await page.goto(kiosk.url.replace('/?', '/simulator?'));
  expect(simulator?.status()).toBe(404);

  await page.goto(kiosk.url.replace('/?', '/technician?'));
  for (const d of '246810') await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await expect(page.getByTestId('install-warning')).toHaveText([
    /^Simulerade enheter utanför demoläget: pad, card, printer, door-lock, door-contact, counter\./,
    /^Demoversionen av bibliotekssystemet används utanför demoläget/,
  ]);
});

test('the embedded default is the demo: the panel is served and the technician screen has no warning', async ({ page }) => {
  kiosk = await startKioskProcess();
  await page.goto(kiosk.url.replace('/?', '/simulator?'));
  await expect(page.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  await page.goto(kiosk.url.replace('/?', '/technician?'));
  for (const d of '246810') await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('tab', { name: 'Enheter' }).click();
  await expect(page.getByRole('table')).toContainText('door-lock');
  await expect(page.getByTestId('install-warning')).toHaveCount(0);
});
