import { expect, type Page } from '@playwright/test';
import type { KioskProcess } from './kiosk-process.ts';

export const technicianUrl = (k: KioskProcess) => k.url.replace('/?', '/technician?');
export const simulatorUrl = (k: KioskProcess) => k.url.replace('/?', '/simulator?');

/** The technician PIN on the on-screen keypad (Swedish labels), then the overview. */
export async function signInAsTechnician(page: Page, kiosk: KioskProcess, pin = '246810'): Promise<void> {
  await page.goto(technicianUrl(kiosk));
  await expect(page.getByRole('heading', { name: 'Logga in som tekniker' })).toBeVisible();
  await typeTechnicianPin(page, pin);
  await expect(page.getByRole('tablist')).toBeVisible();
}

export async function typeTechnicianPin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByRole('button', { name: `Siffra ${d}` }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toBeVisible();
}

/** The technician screen's tabs by their Swedish names. */
export const TABS_SV = ['Översikt', 'Enheter', 'Bibliotekssystemet', 'Transaktioner', 'Öppettider', 'Morgonrapport', 'Loggar'] as const;
export const TABS_EN = ['Overview', 'Devices', 'Library system', 'Transactions', 'Opening hours', 'Morning report', 'Logs'] as const;
