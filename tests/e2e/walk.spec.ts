import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import type { Language } from '../../shared/config/branch.ts';
import { DEMO, itemLine, openKioskAndSimulator, pageUrl, place, present } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * Every patron screen, walked in Swedish, English, Finnish and Arabic, each
 * state seen in portrait (1080×1920) and landscape (1920×1080): a
 * screenshot of each under test-results, and axe-core at WCAG 2.1 AA with
 * 0 violations. The walk is driven by the screens' structure, not their
 * words, so it is the same in every language: the words are the catalogs'.
 * The states: start, typed card number, PIN (and a wrong PIN), menu with
 * the overdue loan, loans after "renew all", reservations, borrowing with
 * a refused item, the receipt question and the closing screen, returns
 * without a card, a blocked patron, offline (banner and error screen), and
 * the door: open, typing a card, PIN, refused, closed.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const VIEWS = [
  { name: 'portrait', size: { width: 1080, height: 1920 } },
  { name: 'landscape', size: { width: 1920, height: 1080 } },
] as const;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * A screenshot of one state in both orientations, and axe's violations (collected; asserted at the end). Axe
 * runs in portrait, the kiosk's own orientation: what it checks (names, roles, contrast, language) does not
 * change with the width, and each run costs seconds on a busy machine.
 */
async function seen(page: Page, info: TestInfo, language: Language, state: string, violations: string[]) {
  for (const view of [...VIEWS].reverse()) {
    await page.setViewportSize(view.size);
    await page.screenshot({ path: info.outputPath(`${language}-${view.name}-${state}.png`) });
  }
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  for (const v of result.violations)
    violations.push(`${language} ${state}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const key = (page: Page, k: string) => page.locator(`.keypad [data-key="${k}"]`).click();
async function typeDigits(page: Page, digits: string) {
  for (const d of digits) await key(page, d);
}
const primary = (page: Page) => page.locator('.action-bar .primary');
const menuButton = (page: Page, n: number) => page.locator('.menu-grid .menu-button').nth(n);
const chooseLanguage = (page: Page, language: Language) => page.locator(`.language-switch button[lang="${language}"]`).click();

async function pinAndMenu(page: Page, pin: string) {
  await expect(page.locator('main.pin')).toBeVisible();
  await typeDigits(page, pin);
  await primary(page).click();
}

for (const language of ['sv', 'en', 'fi', 'ar'] as const) {
  test(`every patron screen in ${language}, portrait and landscape: screenshots, axe 0 violations at WCAG 2.1 AA`, async ({
    page,
  }, info) => {
    test.setTimeout(300_000);
    // A long idle time limit: the walk stops at each state for screenshots and axe, which no patron does.
    kiosk = await startKioskProcess({
      config: { demo: true, branch: { contact: { phone: '021-39 46 00' } }, policies: { idleTimeoutSeconds: 600 } },
    });
    const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
    const violations: string[] = [];
    const check = (state: string) => seen(screen, info, language, state, violations);
    /** A card and its PIN, the screen that follows (`shown`), then its one way off. */
    const cardPinThenEnd = async (card: string, pin: string, shown: string, state: string) => {
      await present(sim, card);
      await screen.bringToFront();
      await pinAndMenu(screen, pin);
      await expect(screen.locator(shown)).toBeVisible();
      await check(state);
      await primary(screen).click();
    };
    /** Items placed until each line shows its result; then "Klar", no receipt, the closing screen, "Klar"; the items lifted. */
    const itemsThenEnd = async (state: string, lines: [string, string][]) => {
      for (const [item] of lines) await place(sim, item);
      await screen.bringToFront();
      for (const [item, status] of lines) await expect(itemLine(screen, item)).toHaveAttribute('data-status', status);
      await check(state);
      const prefix = state === 'return' ? 'return-' : '';
      await primary(screen).click();
      await expect(screen.locator('main.receipt')).toBeVisible();
      await check(`${prefix}receipt-question`);
      await menuButton(screen, -1).click();
      await expect(screen.locator('main.receipt.finished')).toBeVisible();
      await check(`${prefix}finished`);
      await primary(screen).click();
      await sim.getByRole('button', { name: 'Lyft alla' }).click();
      await screen.bringToFront();
    };

    await chooseLanguage(screen, language);
    await expect(screen.locator('html')).toHaveAttribute('lang', language);
    await expect(screen.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await check('start');

    // Returns without a card: where each goes, the receipt question, the closing screen.
    await itemsThenEnd('return', [
      [DEMO.koping, 'done'],
      [DEMO.reservedForLeila, 'done'],
    ]);

    // A typed card number; a wrong PIN; the menu with the overdue loan.
    await chooseLanguage(screen, language);
    await screen.locator('.start-button').click();
    await expect(screen.locator('main.identify')).toBeVisible();
    await typeDigits(screen, '2300');
    await check('identify');
    await typeDigits(screen, DEMO.anna.slice(4));
    await primary(screen).click();
    await pinAndMenu(screen, '9999');
    await expect(screen.locator('main.pin [role="alert"]')).toBeVisible();
    await typeDigits(screen, '12');
    await check('pin-wrong');
    await key(screen, 'clear');
    await typeDigits(screen, '1234');
    await primary(screen).click();
    await expect(screen.getByTestId('overdue')).toBeVisible();
    await check('menu');

    // Loans, renewed all at once: each line says what happened; dates per locale.
    await menuButton(screen, 2).click();
    await expect(screen.locator('main.loans')).toBeVisible();
    await check('loans');
    await screen.locator('.action-bar button').nth(1).click();
    await expect(screen.locator('main.loans [data-renewal]').first()).toBeVisible();
    await expect(screen.getByTestId('renew-summary')).not.toBeEmpty();
    if (language === 'ar') await expect(screen.locator('main.loans')).toContainText(/[٠-٩]/);
    else await expect(screen.locator('main.loans')).toContainText(/\d/);
    await check('loans-renewed');
    await screen.locator('.action-bar .secondary').first().click();

    // Reservations.
    await menuButton(screen, 3).click();
    await expect(screen.locator('main.holds')).toBeVisible();
    await check('holds');
    await screen.locator('.action-bar .secondary').first().click();

    // Borrowing: one lent, one refused (reserved for someone else); the receipt question; the end.
    await menuButton(screen, 0).click();
    await expect(screen.locator('main.checkout')).toBeVisible();
    await check('checkout-empty');
    await itemsThenEnd('checkout', [
      [DEMO.pippi, 'done'],
      [DEMO.reservedForOther, 'refused'],
    ]);

    // A blocked patron is told why and whom to contact.
    await chooseLanguage(screen, language);
    await cardPinThenEnd(DEMO.erikBlocked, '2345', '[data-testid="blocked"]', 'blocked');

    // Offline: the banner on the start screen, and the error screen for a patron the kiosk cannot check.
    await sim.getByRole('button', { name: 'Bryt nätverket' }).click();
    await screen.bringToFront();
    await expect(screen.locator('[data-notice^="notice.offline"]')).toBeVisible({ timeout: 15_000 });
    await chooseLanguage(screen, language);
    await check('offline-start');
    await cardPinThenEnd(DEMO.leila, '8901', 'main.error', 'offline-error');
    await sim.getByRole('button', { name: 'Återställ nätverket' }).click();

    // The door: open hours, a card typed on its keypad, the PIN, a refusal with what to do; closed.
    const door = await page.context().newPage();
    await door.goto(pageUrl(kiosk, 'door'));
    await expect(door.locator('.door-terminal')).toBeVisible();
    await sim.getByRole('textbox', { name: 'Automatens klocka' }).fill('2026-11-30T12:00:00+01:00');
    await sim.getByRole('button', { name: 'Ställ' }).click();
    await door.bringToFront();
    await chooseLanguage(door, language);
    await expect(door.locator('html')).toHaveAttribute('lang', language);
    const doorCheck = (state: string) => seen(door, info, language, `door-${state}`, violations);
    await doorCheck('open');
    await door.locator('.door-terminal main button.secondary').click();
    await typeDigits(door, DEMO.erikBlocked);
    await doorCheck('card');
    await primary(door).click();
    await expect(door.locator('.door-terminal[data-step="pin"]')).toBeVisible();
    await typeDigits(door, '23');
    await doorCheck('pin');
    await typeDigits(door, '45');
    await primary(door).click();
    await expect(door.getByTestId('door-denied')).toBeVisible();
    await doorCheck('denied');
    await primary(door).click();
    await sim.getByRole('textbox', { name: 'Automatens klocka' }).fill('2026-11-30T22:05:00+01:00');
    await sim.getByRole('button', { name: 'Ställ' }).click();
    await door.bringToFront();
    await chooseLanguage(door, language);
    await expect(door.locator('.door-terminal main h1')).toBeVisible();
    await doorCheck('closed');

    expect(violations).toEqual([]);
  });
}

test('the idle warning in every language: screenshots and axe 0 violations', async ({ page }, info) => {
  // The warning 5 s after the last touch, and then a minute to look at it.
  kiosk = await startKioskProcess({ config: { demo: true, policies: { idleTimeoutSeconds: 65, idleWarningSeconds: 60 } } });
  await page.goto(pageUrl(kiosk, ''));
  const violations: string[] = [];
  for (const language of ['sv', 'en', 'fi', 'ar'] as const) {
    await chooseLanguage(page, language);
    await page.locator('.start-button').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await seen(page, info, language, 'idle-warning', violations);
    await dialog.locator('.secondary').click();
    await expect(page.locator('.start-button')).toBeVisible();
  }
  expect(violations).toEqual([]);
});
