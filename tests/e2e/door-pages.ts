import { expect, type Page } from '@playwright/test';
import { pageUrl } from './kiosk-pages.ts';
import type { KioskProcess } from './kiosk-process.ts';

/** The door screen (/door) and the simulator panel (/simulator) of one kiosk, side by side. */
export async function doorPages(page: Page, kiosk: KioskProcess): Promise<{ door: Page; sim: Page }> {
  await page.goto(pageUrl(kiosk, 'door'));
  const sim = await page.context().newPage();
  await sim.goto(pageUrl(kiosk, 'simulator'));
  await expect(sim.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  return { door: page, sim };
}

/** Sets the kiosk's clock from the simulator panel. */
export async function setClock(sim: Page, iso: string) {
  await sim.getByRole('textbox', { name: 'Automatens klocka' }).fill(iso);
  await sim.getByRole('button', { name: 'Ställ' }).click();
  await expect(sim.locator('.sim-clock output')).toHaveText(iso);
}

/** One digit on the door screen's keypad. */
export const digit = (door: Page, d: string) => door.getByRole('button', { name: `Siffra ${d}`, exact: true }).click();

/** A patron types the card number on the door's own keypad, then the PIN. */
export async function enter(door: Page, card: string, pin: string) {
  await door.bringToFront();
  await door.getByRole('button', { name: 'Slå kortnumret' }).click();
  for (const d of card) await digit(door, d);
  await door.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(door.getByRole('heading', { name: 'Slå din PIN-kod' })).toBeVisible();
  for (const d of pin) await digit(door, d);
  await door.getByRole('button', { name: 'OK', exact: true }).click();
}
