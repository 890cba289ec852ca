import { expect, type Page } from '@playwright/test';
import type { KioskProcess } from './kiosk-process.ts';

/** The door screen (/door) and the simulator panel (/simulator) of one kiosk, side by side. */
export async function doorPages(page: Page, kiosk: KioskProcess): Promise<{ door: Page; sim: Page }> {
  await page.goto(kiosk.url.replace('/?', '/door?'));
  const sim = await page.context().newPage();
  await sim.goto(kiosk.url.replace('/?', '/simulator?'));
  await expect(sim.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  return { door: page, sim };
}

/** Sets the kiosk's clock from the simulator panel. */
export async function setClock(sim: Page, iso: string) {
  await sim.getByRole('textbox', { name: 'Automatens klocka' }).fill(iso);
  await sim.getByRole('button', { name: 'Ställ' }).click();
  await expect(sim.locator('.sim-clock output')).toHaveText(iso);
}

/** A patron types the card number and the PIN on the door screen. */
export async function enter(door: Page, card: string, pin: string) {
  await door.bringToFront();
  await door.getByRole('textbox', { name: 'Kortnummer' }).fill(card);
  await door.getByRole('button', { name: 'Nästa' }).click();
  await expect(door.getByRole('heading', { name: 'Skriv din PIN-kod' })).toBeVisible();
  for (const d of pin) await door.getByRole('button', { name: `Siffra ${d}` }).click();
  await door.getByRole('button', { name: 'OK', exact: true }).click();
}
