import { expect, type Page } from '@playwright/test';
import { checkMainMessage } from '../support/main-messages.ts';
import type { KioskProcess } from './kiosk-process.ts';

/**
 * The pages of one kiosk process: the self-service screen and the
 * simulator panel that presents demo cards and places demo items on the
 * simulated pad (real FEIG frames to the real driver).
 */
export interface KioskPages {
  readonly kiosk: Page;
  readonly sim: Page;
}

export const pageUrl = (k: KioskProcess, path: '' | 'simulator' | 'door' | 'technician') => k.url.replace('/?', `/${path}?`);

export async function openKioskAndSimulator(page: Page, k: KioskProcess): Promise<KioskPages> {
  // Every message main sends the patron page is checked against the bridge contract (the page itself does not).
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => checkMainMessage(String(frame.payload))));
  await page.goto(pageUrl(k, ''));
  const sim = await page.context().newPage();
  await sim.goto(pageUrl(k, 'simulator'));
  await expect(sim.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  // A background tab gets no animation frames, which makes every click on the kiosk wait.
  await page.bringToFront();
  return { kiosk: page, sim };
}

/** Waits until the kiosk talks to the library system (a slow demo ACS takes a few seconds to log in). */
export async function untilOnline(page: Page): Promise<void> {
  await expect(page.locator('.kiosk')).toBeVisible();
  await expect(page.locator('.notice[role="status"]')).toHaveCount(0, { timeout: 30_000 });
}

export const present = (sim: Page, card: string) =>
  sim.locator(`li[data-card="${card}"]`).getByRole('button', { name: 'Visa kort' }).click();
export const takeCardAway = (sim: Page, card: string) =>
  sim.locator(`li[data-card="${card}"]`).getByRole('button', { name: 'Ta bort kortet' }).click();
export const place = (sim: Page, item: string) => sim.locator(`li[data-item="${item}"]`).getByRole('button', { name: 'Lägg på' }).click();
export const placePart = (sim: Page, item: string, part: number) =>
  sim
    .locator(`li[data-item="${item}"]`)
    .getByRole('button', { name: `Del ${part}` })
    .click();

/** The on-screen keypad's digit buttons are named "Siffra 1" in Swedish, "Digit 1" in English. */
export async function typePin(page: Page, pin: string, digit = 'Siffra', ok = 'OK') {
  for (const d of pin) await page.getByRole('button', { name: `${digit} ${d}`, exact: true }).click();
  await page.getByRole('button', { name: ok, exact: true }).click();
}

export const itemLine = (page: Page, itemId: string) => page.locator(`li[data-item="${itemId}"]`);

export const DEMO = {
  anna: '23000000000017',
  erikBlocked: '23000000000025',
  leila: '23000000000082',
  pippi: '39000000000011',
  second: '39000000000029',
  audiobook3: '39000000000052',
  koping: '39000000000037',
  reservedForLeila: '39000000000045',
  reservedForOther: '39000000000086',
  reference: '39000000000078',
} as const;

/** A patron shows the card, types the PIN, borrows one item and taps "Klar": the receipt question is on screen. */
export async function borrowToReceipt(screen: Page, sim: Page, card: string, pin: string, item: string): Promise<void> {
  await present(sim, card);
  await screen.bringToFront();
  await expect(screen.locator('main.pin')).toBeVisible();
  for (const d of pin) await screen.locator(`.keypad [data-key="${d}"]`).click();
  await screen.locator('.action-bar .primary').click();
  await screen.locator('.menu-grid .menu-button').first().click();
  await place(sim, item);
  await screen.bringToFront();
  await expect(itemLine(screen, item)).toHaveAttribute('data-status', 'done');
  await screen.locator('.action-bar .primary').click();
  await expect(screen.locator('main.receipt')).toBeVisible();
}
