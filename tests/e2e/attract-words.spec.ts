import { expect, type Page, test } from '@playwright/test';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const CATALOG = /\/assets\/(sv|en|fi|ar)-[\w-]+\.js$/;

/** What crossed the wire, in order: each catalog file the page asked for, and the first message main sent it. */
function watchWire(page: Page) {
  const events: string[] = [];
  page.on('request', (r) => {
    const m = CATALOG.exec(r.url());
    if (m) events.push(`words:${m[1]}`);
  });
  page.on('websocket', (ws) => {
    ws.on('framereceived', () => {
      if (!events.includes('first view')) events.push('first view');
    });
    ws.on('framesent', (f) => {
      const sent = JSON.parse(String(f.payload)) as { type: string; event?: { type: string; language?: string } };
      if (sent.event?.type === 'ui.language') events.push(`chose:${sent.event.language}`);
    });
  });
  return events;
}

test('the start screen waits for its own language’s words only; the others load once it is drawn, and a choice switches at once', async ({
  page,
}) => {
  kiosk = await startKioskProcess();
  const events = watchWire(page);
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();

  // Swedish before the first view; no other language's words before the kiosk's first message.
  const firstView = events.indexOf('first view');
  expect(events.indexOf('words:sv')).toBeGreaterThanOrEqual(0);
  expect(events.indexOf('words:sv')).toBeLessThan(firstView);
  expect(events.slice(0, firstView).filter((e) => e.startsWith('words:'))).toEqual(['words:sv']);
  // The rest come once the page has drawn, before a patron needs them.
  await expect.poll(() => events.filter((e) => e.startsWith('words:')).sort()).toEqual(['words:ar', 'words:en', 'words:fi', 'words:sv']);

  await page.getByRole('button', { name: 'Suomi' }).click();
  await expect(page.getByRole('button', { name: /Aloita koskettamalla/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  expect(events).toContain('chose:fi');
  // Each language's words were fetched once.
  expect(events.filter((e) => e === 'words:fi')).toHaveLength(1);
});

test('a branch whose language is English draws its start screen in English, its words fetched when the view asks for them', async ({
  page,
}) => {
  kiosk = await startKioskProcess({ config: { demo: true, central: { kind: 'demo' }, branch: { language: 'en' } } });
  const events = watchWire(page);
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: /Touch to start/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(events.indexOf('words:en')).toBeGreaterThan(events.indexOf('first view'));
});
