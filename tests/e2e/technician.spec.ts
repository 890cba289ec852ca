import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { QueueStore } from '../../main/queue/store.ts';
import { hashPin } from '../../main/security/pin.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { kioskLogLines, queryDataFile, queryKioskDb } from './kiosk-files.ts';
import { DEMO, pageUrl, place, present, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { openTab, signInAsTechnician, TABS } from './technician-page.ts';

/**
 * Finding 11 of issue 16, end to end in Chromium against the real
 * `openbranch start --web`: the technician screen speaks the branch's
 * language (no English headers), shows words instead of raw JSON, times
 * in the branch's zone instead of UTC, logs as readable lines, tables
 * that fit an upright kiosk and a tablet, and device tests that say what
 * was done, what came back and what to check next, checked against what
 * the simulated devices received.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const ANNA = DEMO.anna;
const PIPPI = DEMO.pippi;
const KOLKATA = 'Asia/Kolkata';

async function simulator(page: Page): Promise<Page> {
  const sim = await page.context().newPage();
  await sim.goto(pageUrl(kiosk, 'simulator'));
  await expect(sim.getByRole('heading', { name: 'Simulator' })).toBeVisible();
  await page.bringToFront();
  return sim;
}

test('signs in with the PIN, lists the devices under Swedish headers, and tests each with a clear result', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const sim = await simulator(page);
  await page.goto(pageUrl(kiosk, 'technician'));
  await expect(page.getByRole('heading', { name: 'Logga in som tekniker' })).toBeVisible();
  await typePin(page, '111111');
  await expect(page.getByRole('alert')).toHaveText('Fel PIN-kod. Försök igen.');
  await typePin(page, '246810');
  await openTab(page, 'Enheter');

  const table = page.getByRole('table', { name: 'Enheter i inställningarna' });
  for (const header of ['Enhet', 'Typ', 'Drivrutin', 'Port', 'Status', 'Test'])
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  for (const english of ['id', 'kind', 'driver', 'port', 'state', 'test'])
    await expect(table.getByRole('columnheader', { name: english, exact: true })).toHaveCount(0);
  await expect(table.locator('tr[data-device="pad"]')).toContainText('RFID-platta');
  await expect(table.locator('tr[data-device="pad"]')).toContainText('Ansluten');
  await expect(table.locator('tr[data-device="door-lock"]')).toContainText('Dörrlås');

  // The printer: the receipt the simulated printer parsed back from its ESC/POS bytes is the test receipt.
  await table.locator('tr[data-device="printer"]').getByRole('button', { name: 'Skriv ut testkvitto' }).click();
  const printed = page.locator('[data-test-result="printer"]');
  await expect(printed).toContainText('Godkänt');
  await expect(printed).toContainText('Ett testkvitto skickades till skrivaren.');
  await expect(printed).toContainText('Skrivaren svarar att det finns papper.');
  await expect(printed).toContainText('Kontrollera att kvittot kom ut och att å, ä, ö och streckkoden syns tydligt.');
  await expect(sim.getByTestId('sim-receipt')).toContainText('Testkvitto: åäö ÅÄÖ');

  // The lock: pulsed and read back locked (the frames on the wire are checked over a pty in the integration test).
  await table.locator('tr[data-device="door-lock"]').getByRole('button', { name: 'Testa låset' }).click();
  const lock = page.locator('[data-test-result="door-lock"]');
  await expect(lock).toContainText('Låset öppnades i 3 sekunder och låstes sedan igen.');
  await expect(lock).toContainText('Låset svarar att det är låst.');

  // The pad: what an inventory over the FEIG protocol finds, decoded.
  await table.locator('tr[data-device="pad"]').getByRole('button', { name: 'Läs av plattan' }).click();
  await expect(page.locator('[data-test-result="pad"]')).toContainText('Plattan hittade inga taggar.');
  await expect(page.locator('[data-test-result="pad"]')).toContainText('Lägg ett medium på plattan och testa igen.');
  await place(sim, PIPPI);
  await expect(sim.getByTestId('sim-pad').locator('li')).toHaveCount(1);
  await table.locator('tr[data-device="pad"]').getByRole('button', { name: 'Läs av plattan' }).click();
  await expect(page.locator('[data-test-result="pad"]')).toContainText(`Plattan hittade 1 tagg: ${PIPPI}.`);

  // The card reader: waits for a card, then shows only its last four digits.
  await table.locator('tr[data-device="card"]').getByRole('button', { name: 'Testa kortläsaren' }).click();
  const card = page.locator('[data-test-result="card"]');
  await expect(card).toContainText('Håll ett kort mot läsaren nu.');
  await present(sim, ANNA);
  await expect(card).toContainText('Läsaren läste kortet …0017.');
  await expect(card).not.toContainText(ANNA);
  await page.screenshot({ path: info.outputPath('technician-device-tests.png'), fullPage: true });
});

test('shows times in the branch’s zone, words instead of JSON, and the log as readable lines', async ({ page }, info) => {
  // India is 5.5 hours from UTC: no UTC time can pass for a local one.
  kiosk = await startKioskProcess({
    config: { demo: true, branch: { timezone: KOLKATA }, technician: { pinHash: await hashPin('246810') } },
  });
  const sim = await simulator(page);
  // A return on the start screen (the queue and the hourly statistics) and a door forced open (an alarm).
  await place(sim, PIPPI);
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(1);
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
  await signInAsTechnician(page, kiosk);
  // The overview sums up the last 24 hours.
  await expect(page.getByRole('region', { name: 'Senaste dygnet' })).toContainText('Återlämningar: 1');
  await expect(page.getByRole('region', { name: 'Senaste dygnet' })).toContainText('Larm: 1');

  const inKolkata = (at: string | number, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: KOLKATA, ...options }).format(new Date(at));
  const utcClock = (at: string | number) => new Date(at).toISOString().slice(11, 16);

  await openTab(page, 'Transaktioner');
  const [tx] = queryKioskDb<{ created_at: number }>(kiosk, 'SELECT created_at FROM queue_transactions WHERE item = ?', PIPPI);
  const txRow = page.getByRole('table', { name: 'Senaste transaktionerna' }).getByRole('row', { name: new RegExp(PIPPI) });
  await expect(txRow).toContainText('Återlämning');
  await expect(txRow).toContainText('Klar');
  await expect(txRow).toContainText(inKolkata(tx!.created_at, { dateStyle: 'medium', timeStyle: 'short' }));
  await expect(txRow).not.toContainText(utcClock(tx!.created_at));

  await openTab(page, 'Morgonrapport');
  const [alarm] = queryKioskDb<{ at: string; kind: string }>(kiosk, 'SELECT at, kind FROM door_alarms');
  const alarmRow = page.getByRole('table', { name: 'Larm' }).locator('tr[data-alarm="forced"]');
  await expect(alarmRow).toContainText('Dörren öppnades utan att låsas upp');
  await expect(alarmRow).toContainText(inKolkata(alarm!.at, { dateStyle: 'medium', timeStyle: 'short' }));
  // The return is counted in its local hour of the transactions chart (its figures as a table).
  const [stat] = queryKioskDb<{ hour: string }>(kiosk, "SELECT hour FROM stats_transactions WHERE kind = 'checkin'");
  const chart = page.getByRole('figure', { name: 'Lån, återlämningar och omlån per timme' });
  await chart.getByText('Visa siffrorna som tabell').click();
  const hourRow = chart.getByRole('row', { name: new RegExp(`^${stat!.hour.slice(11, 13)} `) });
  await expect(hourRow.getByRole('cell').nth(1)).toHaveText('1');
  await expect(chart).toContainText('Totalt 1.');

  // The tab reads the log file once, as it opens; the logger writes asynchronously (its files open a second
  // after the first view), so the sign-in's line is on disk a moment after the sign-in.
  const loggedIn = () => {
    try {
      return kioskLogLines(kiosk).some((l) => l.msg === 'technician login');
    } catch {
      return false; // a line half written
    }
  };
  await expect.poll(loggedIn).toBe(true);
  await openTab(page, 'Loggar');
  const logRow = page.getByRole('row', { name: /technician login/ }).first();
  const login = kioskLogLines(kiosk).find((l) => l.msg === 'technician login')!;
  await expect(logRow).toContainText(inKolkata(String(login.time), { dateStyle: 'short', timeStyle: 'medium' }));
  await expect(logRow).toContainText('Info');
  for (const header of ['Tid', 'Nivå', 'Del', 'Meddelande', 'Detaljer'])
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Varningar och fel' });
  // The table follows the filter: no information or debugging lines, the door alarm's warning stays.
  await expect(page.locator('tbody tr[data-level="info"], tbody tr[data-level="debug"]')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /door alarm/ }).first()).toContainText('Varning');
  await page.screenshot({ path: info.outputPath('technician-logs.png'), fullPage: true });

  // No tab shows raw JSON or an ISO time.
  for (const tab of TABS.sv) {
    await openTab(page, tab);
    await expect(page.getByRole('tabpanel').locator('.table-frame, .panel, .facts').first()).toBeVisible();
    const text = (await page.getByRole('tabpanel').textContent()) ?? '';
    expect(text, tab).not.toMatch(/[{[]\s*"|"\s*:|\d{4}-\d\d-\d\dT\d\d:\d\d/);
  }
});

test('tables, charts and buttons fit an upright kiosk and a tablet, and are big enough to touch', async ({ page }, info) => {
  kiosk = await startKioskProcess();
  const sim = await simulator(page);
  await place(sim, PIPPI);
  await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(1);
  await signInAsTechnician(page, kiosk);
  for (const [name, size] of [
    ['kiosk upright', { width: 1080, height: 1920 }],
    ['tablet upright', { width: 800, height: 1280 }],
  ] as const) {
    await page.setViewportSize(size);
    for (const tab of TABS.sv) {
      await openTab(page, tab);
      await expect(page.getByRole('tabpanel').locator('.table-frame, .panel, .facts').first()).toBeVisible();
      if (tab === 'Transaktioner') await expect(page.getByRole('row', { name: new RegExp(PIPPI) }).first()).toBeVisible();
      // Charts are sized after the viewport changes (a resize observer): poll until the layout has settled.
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const width = document.documentElement.clientWidth;
              const scroller = document.querySelector('.tab-body') ?? document.body;
              const wide = [...document.querySelectorAll('table, pre, svg, figure, .table-frame')]
                .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().right > width + 1)
                .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
              return { scrolls: scroller.scrollWidth > scroller.clientWidth + 1, wide };
            }),
          { message: `${name}: ${tab}` },
        )
        .toEqual({ scrolls: false, wide: [] });
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, select, input, summary')]
          .map((el) => {
            const target =
              (el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'checkbox' ? el.closest('label') : el;
            const box = (target ?? el).getBoundingClientRect();
            return { what: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`, w: box.width, h: box.height };
          })
          .filter((b) => b.w > 0 && (b.w < 44 || b.h < 44)),
      );
      expect(small, `${name}: ${tab}: touch targets under 44 px`).toEqual([]);
    }
    await page.screenshot({ path: info.outputPath(`technician-${name.replace(' ', '-')}-logs.png`), fullPage: true });
  }
});

test('the simulator panel speaks one language, its own, whatever the patron picks at the kiosk', async ({ page }) => {
  kiosk = await startKioskProcess();
  await page.goto(kiosk.url);
  const sim = await simulator(page);
  const anna = sim.locator(`li[data-card="${ANNA}"]`);
  await expect(anna).toContainText('Vuxen med meröppetbehörighet');
  await expect(sim.locator(`li[data-item="${PIPPI}"]`)).toContainText('Inne: går att låna.');
  await expect(sim.getByTestId('sim-contact')).toHaveText('Dörren: stängd');
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lås: låst');
  const english = /Ordinary|Available|Blocked|Owes|Child|Staff card|Card expired|Reference|On loan|PIN \d|: (closed|locked)\b/;
  expect((await sim.locator('main').textContent()) ?? '').not.toMatch(english);

  // A patron switches the kiosk to English: the panel stays Swedish.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /Touch to start/ })).toBeVisible();
  await sim.bringToFront();
  await place(sim, PIPPI);
  await expect(sim.getByTestId('sim-pad').locator('li')).toHaveCount(1);
  expect((await sim.locator('main').textContent()) ?? '').not.toMatch(english);
  await expect(anna).toContainText('Vuxen med meröppetbehörighet');

  // The panel's own choice: English, all of it.
  await sim.getByRole('combobox', { name: 'Panelens språk' }).selectOption({ label: 'English' });
  await expect(anna).toContainText('Ordinary adult with self-service permission');
  await expect(sim.getByTestId('sim-contact')).toHaveText('Door: closed');
  await expect(sim.getByTestId('sim-lock')).toHaveText('Lock: locked');
  const swedish = /Inne|Lägg på|Visa kort|Utlånad|Spärrad|Vuxen|Dörren|larmad|Lånekort|Medier/;
  expect((await sim.locator('main').textContent()) ?? '').not.toMatch(swedish);
});

test('a conflict left from an offline night reads as words and is marked handled on disk', async ({ page }) => {
  // A data folder with what an offline night left: a loan the library system refused at replay (lent to someone else meanwhile).
  const dataDir = mkdtempSync(join(tmpdir(), 'ob-e2e-data-'));
  const db = openDatabase(join(dataDir, 'openbranch.sqlite'));
  const store = new QueueStore(db);
  const at = Date.parse('2026-11-29T21:40:00Z');
  const recorded = store.record({ kind: 'checkout', card: ANNA, item: PIPPI, branch: 'VAS', at, attempts: 0, offline: true });
  const { id } = recorded;
  store.finish(recorded, 'conflict', null, { reason: 'checked-out-to-other', message: 'Utlånad till annan låntagare' });
  db.close();
  try {
    kiosk = await startKioskProcess({ config: { demo: true, dataDir, technician: { pinHash: await hashPin('246810') } } });
    await signInAsTechnician(page, kiosk);
    await expect(page.getByRole('region', { name: 'Transaktioner' })).toContainText('1 konflikt att gå igenom.');
    await openTab(page, 'Transaktioner');
    const row = page.getByRole('table', { name: 'Konflikter att gå igenom' }).locator(`tr[data-conflict="${id}"]`);
    await expect(row).toContainText('Lån');
    await expect(row).toContainText('Utlånad till någon annan');
    await expect(row).toContainText('Utlånad till annan låntagare');
    await expect(row).toContainText('…0017');
    await expect(row).not.toContainText(ANNA);
    // 21:40 UTC is 22:40 in Stockholm in winter.
    await expect(row).toContainText('29 nov. 2026 22:40');
    await row.getByRole('button', { name: 'Markera som hanterad' }).click();
    // Handled now, whatever day the test runs on: any month, the year, the time.
    await expect(row).toContainText(/Hanterad \d{1,2} \p{L}+\.? \d{4} \d\d:\d\d/u);
    const [handled] = queryDataFile<{ handled_at: number | null; handled_by: string | null }>(
      dataDir,
      'SELECT handled_at, handled_by FROM queue_transactions WHERE id = ?',
      id,
    );
    expect(handled?.handled_at).toEqual(expect.any(Number));
    expect(handled?.handled_by).toBe('technician screen');
    // The time shown is the one on disk, in Stockholm time.
    const hhmm = new Date(handled!.handled_at!).toLocaleTimeString('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    });
    await expect(row).toContainText(new RegExp(`Hanterad \\d{1,2} \\p{L}+\\.? \\d{4} ${hhmm}`, 'u'));
  } finally {
    await kiosk?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
