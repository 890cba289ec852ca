import { expect, test } from '@playwright/test';
import { DEMO, openKioskAndSimulator, present, typePin, untilOnline } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Finding 9: the language is the patron's for one session. A tap on a
 * language right after the last patron ended (while the kiosk still says
 * goodbye to a slow library system) belongs to the next patron; when that
 * session ends, the branch's default language is back.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

test('a language tapped right after a session ends is kept for the next patron, and reset when that session ends', async ({ page }) => {
  // A library system that answers in half a second, like a busy Koha: the goodbye (SIP2 End Patron Session) takes that long.
  kiosk = await startKioskProcess({ config: { demo: true, central: { kind: 'demo', latencyMs: 500 } } });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await untilOnline(screen);
  await present(sim, DEMO.anna);
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible({ timeout: 15_000 });

  await screen.getByRole('button', { name: 'Avsluta' }).click();
  await screen.getByRole('button', { name: 'English' }).click();
  await expect(screen.getByRole('heading', { name: 'Welcome to Västerås stadsbibliotek' })).toBeVisible();
  await screen.getByRole('button', { name: /Touch to start/ }).click();
  await expect(screen.getByRole('heading', { name: 'Show your library card' })).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('lang', 'en');

  await screen.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen.getByRole('heading', { name: 'Välkommen till Västerås stadsbibliotek' })).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('lang', 'sv');
});
