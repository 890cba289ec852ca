import { expect, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const technicianUrl = (k: KioskProcess) => k.url.replace('/?', '/technician?');

async function typePin(page: import('@playwright/test').Page, pin: string) {
  for (const d of pin) await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK' }).click();
}

test('the technician screen stays locked on a wrong PIN and lists the devices after the right one', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  await page.goto(technicianUrl(kiosk));
  await expect(page.getByRole('heading', { name: 'Tekniker: skriv din PIN-kod' })).toBeVisible();
  await typePin(page, '111111');
  await expect(page.getByRole('alert')).toHaveText('Fel PIN-kod.');
  await typePin(page, '246810');
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /pad rfid simulated/ })).toContainText('connected');
  await expect(table.getByRole('row', { name: /door-lock door-lock simulated/ })).toBeVisible();
  await page.screenshot({ path: info.outputPath('technician-devices.png') });

  await table
    .getByRole('row', { name: /printer/ })
    .getByRole('button', { name: 'Skriv ut testkvitto' })
    .click();
  await expect(table.getByRole('row', { name: /printer/ })).toContainText('printed; paper ok');
});
