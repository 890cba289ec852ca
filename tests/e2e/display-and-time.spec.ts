import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO, openKioskAndSimulator, present, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';

/**
 * EN 301 549 for a closed-functionality terminal, clauses 5.1.4 and 5.1.3
 * by way of WCAG 1.4.4, 1.4.3/1.4.6, 2.2.1, 2.3.1 and 1.4.1: the patron can
 * make the text 150 % and 200 % and switch to high contrast for the session
 * (both reset when it ends); every time limit warns on screen and by sound
 * and can be extended; nothing moves or flashes; a state is never shown by
 * colour alone.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());
test.use({ viewport: { width: 1080, height: 1920 } });

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** WCAG's contrast ratio of an element's text colour on the page background. */
const contrastOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (css: string) => {
        const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const fg = lum(getComputedStyle(el).color);
      const bg = lum(getComputedStyle(document.body).backgroundColor);
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });

test('text at 150 % and 200 % and high contrast for this session only: the screen reflows, axe finds nothing, the next patron starts plain', async ({
  page,
}) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await present(sim, DEMO.anna);
  await screen.bringToFront();
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  const plain = await fontSize(screen, 'main .menu-button');
  const plainHeading = await fontSize(screen, 'main h1');

  const size = screen.locator('.display-controls button').first();
  await size.click();
  await expect(screen.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(await fontSize(screen, 'main .menu-button')).toBeGreaterThanOrEqual(plain * 1.5 - 0.5);
  expect(await fontSize(screen, 'main h1')).toBeGreaterThanOrEqual(plainHeading * 1.5 - 0.5);
  await size.click();
  await expect(screen.locator('html')).toHaveAttribute('data-text-size', 'largest');
  expect(await fontSize(screen, 'main .menu-button')).toBeGreaterThanOrEqual(plain * 2 - 0.5);
  // Reflow, not a page to scroll sideways (WCAG 1.4.10).
  expect(await screen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await screen.getByRole('button', { name: 'Kontrast', exact: true }).click();
  await expect(screen.locator('html')).toHaveAttribute('data-contrast', 'high');
  expect(await contrastOf(screen, 'main h1')).toBeGreaterThanOrEqual(7);
  expect(await contrastOf(screen, 'main p')).toBeGreaterThanOrEqual(7);
  const axe = await new AxeBuilder({ page: screen }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The session ends: the next patron gets the branch's plain screen.
  await screen.getByRole('button', { name: 'Avsluta', exact: true }).click();
  await expect(screen.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible();
  await expect(screen.locator('html')).toHaveAttribute('data-text-size', 'normal');
  await expect(screen.locator('html')).toHaveAttribute('data-contrast', 'normal');
});

test('the idle time limit warns on screen and by sound, "Jag är kvar" gives the full time again, and unanswered it logs out', async ({
  page,
}) => {
  // 25 s in all, the last 20 with the warning (the shortest the config allows for WCAG 2.2.1's 20 seconds).
  kiosk = await startKioskProcess({ config: { demo: true, policies: { idleTimeoutSeconds: 25, idleWarningSeconds: 20 } } });
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await present(sim, DEMO.anna);
  await screen.bringToFront();
  await typePin(screen, '1234');
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();

  const dialog = screen.getByRole('alertdialog');
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByTestId('idle-countdown')).toContainText(/sekund/);
  // The warning's sound (the cue the page played through Web Audio).
  await expect(screen.locator('html')).toHaveAttribute('data-last-cue', 'attention');
  const extend = dialog.locator('.primary');
  await extend.click();
  await expect(dialog).toHaveCount(0);
  await expect(screen.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();

  // Not answered: the countdown runs out and the session ends.
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(screen.getByRole('button', { name: /Tryck för att börja/ })).toBeVisible({ timeout: 30_000 });
});

test('nothing moves or flashes, and every item state is said in words and a symbol, not colour alone', async ({ page }) => {
  kiosk = await startKioskProcess();
  const { kiosk: screen, sim } = await openKioskAndSimulator(page, kiosk);
  await present(sim, DEMO.anna);
  await screen.bringToFront();
  await typePin(screen, '1234');
  await screen.getByRole('button', { name: /^⇩? ?Låna$/ }).click();
  await sim.locator(`li[data-item="${DEMO.pippi}"]`).getByRole('button', { name: 'Lägg på' }).click();
  await sim.locator(`li[data-item="${DEMO.reservedForOther}"]`).getByRole('button', { name: 'Lägg på' }).click();
  await screen.bringToFront();
  await expect(screen.locator('li[data-status="refused"]')).toHaveCount(1);
  await expect(screen.locator('li[data-status="done"]')).toHaveCount(1);
  // No animation or transition on any element (WCAG 2.3.1, 2.2.2).
  const moving = await screen.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        return s.animationName !== 'none' || Number.parseFloat(s.transitionDuration) > 0;
      }).length,
  );
  expect(moving).toBe(0);
  // Each line's state has a symbol and a word of its own: the two lines differ without colour.
  const done = screen.locator('li[data-status="done"]');
  const refused = screen.locator('li[data-status="refused"]');
  await expect(done).toContainText('Lånad');
  await expect(refused).not.toContainText('Lånad');
  const symbol = (line: typeof done) => line.locator('[aria-hidden="true"]').first().textContent();
  expect(await symbol(done)).not.toEqual(await symbol(refused));
});
