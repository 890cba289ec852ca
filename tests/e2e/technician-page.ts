import { expect, type Page } from '@playwright/test';
import { pageUrl, typePin } from './kiosk-pages.ts';
import type { KioskProcess } from './kiosk-process.ts';

/** The technician PIN on the on-screen keypad (Swedish labels), then the overview. */
export async function signInAsTechnician(page: Page, kiosk: KioskProcess, pin = '246810'): Promise<void> {
  await page.goto(pageUrl(kiosk, 'technician'));
  await expect(page.getByRole('heading', { name: 'Logga in som tekniker' })).toBeVisible();
  await typePin(page, pin);
  await expect(page.getByRole('tablist')).toBeVisible();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toBeVisible();
}

/** The technician screen's tabs by their names in each language. */
export const TABS = {
  sv: ['Översikt', 'Enheter', 'Bibliotekssystemet', 'Transaktioner', 'Öppettider', 'Morgonrapport', 'Dörr och närvaro', 'Loggar'],
  en: ['Overview', 'Devices', 'Library system', 'Transactions', 'Opening hours', 'Morning report', 'Door and occupancy', 'Logs'],
  fi: ['Yleiskuva', 'Laitteet', 'Kirjastojärjestelmä', 'Tapahtumat', 'Aukioloajat', 'Aamuraportti', 'Ovi ja kävijät', 'Lokit'],
  ar: ['نظرة عامة', 'الأجهزة', 'نظام المكتبة', 'المعاملات', 'أوقات الدوام', 'التقرير الصباحي', 'الباب والحضور', 'السجلات'],
} as const;
