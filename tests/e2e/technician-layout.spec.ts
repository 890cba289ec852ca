import { expect, type Page, test } from '@playwright/test';
import { type Language, languageSchema } from '../../shared/config/branch.ts';
import { translate } from '../../shared/i18n/index.ts';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO, pageUrl, place, typePin } from './kiosk-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { openTab, TABS } from './technician-page.ts';

/**
 * The technician screen in every language, upright (1080x1920, the kiosk
 * itself) and lying (1920x1080): every tab and the sign-in screen, each
 * with a screenshot under test-results and axe-core finding nothing at
 * WCAG 2.1 AA; the simulator panel in each language too. The kiosk has
 * something on each tab first: a return in the queue and the charts, a
 * door alarm, a device test result.
 */
let kiosk: KioskProcess;
test.afterEach(async () => kiosk?.stop());

const TAB_IDS = ['overview', 'devices', 'central', 'queue', 'schedule', 'report', 'night-ops', 'logs'];
const ORIENTATIONS = [
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
] as const;

async function chooseLanguage(page: Page, current: Language, next: Language, label: 'technician.language' | 'simulator.language') {
  await page.getByRole('combobox', { name: translate(current, label) }).selectOption({ label: translate(next, `language.${next}`) });
  await expect(page.locator('html')).toHaveAttribute('lang', next);
  await expect(page.locator('html')).toHaveAttribute('dir', next === 'ar' ? 'rtl' : 'ltr');
}

for (const language of languageSchema.options) {
  test(`every tab in ${language}, upright and lying: screenshots and no axe violations`, async ({ page }, info) => {
    test.setTimeout(240_000);
    kiosk = await startKioskProcess();
    const t = (key: string, values?: Record<string, string | number>) => translate(language, key, values);

    // Something to show: a return on the start screen, the door forced open, and (below) a printed test receipt.
    const sim = await page.context().newPage();
    await sim.goto(pageUrl(kiosk, 'simulator'));
    await place(sim, DEMO.pippi);
    await expect(sim.getByTestId('sim-pad').locator('li[data-secured="true"]')).toHaveCount(1);
    await sim.getByRole('button', { name: 'Öppna dörren' }).click();
    await sim.getByRole('button', { name: 'Stäng dörren' }).click();
    if (language !== 'sv') await chooseLanguage(sim, 'sv', language, 'simulator.language');
    await expect(sim.getByRole('heading', { name: t('simulator.title') })).toBeVisible();
    for (const [orientation, size] of ORIENTATIONS) {
      await sim.setViewportSize(size);
      await sim.screenshot({ path: info.outputPath(`simulator-${language}-${orientation}.png`), fullPage: true });
    }
    await expectNoAxeViolations(sim, `the simulator panel in ${language}`);
    await sim.close();

    await page.goto(pageUrl(kiosk, 'technician'));
    await expect(page.getByRole('heading', { name: translate('sv', 'technician.login') })).toBeVisible();
    if (language !== 'sv') await chooseLanguage(page, 'sv', language, 'technician.language');
    await expect(page.getByRole('heading', { name: t('technician.login') })).toBeVisible();
    for (const [orientation, size] of ORIENTATIONS) {
      await page.setViewportSize(size);
      await page.screenshot({ path: info.outputPath(`technician-${language}-${orientation}-sign-in.png`) });
    }
    await expectNoAxeViolations(page, `the technician sign-in in ${language}`);
    await typePin(page, '246810', t('keypad.digit', { digit: '' }).trim(), t('pin.ok'));
    await openTab(page, TABS[language][1]);
    await page
      .locator('tr[data-device="printer"]')
      .getByRole('button', { name: t('technician.test.print') })
      .click();
    await expect(page.locator('[data-test-result="printer"]')).toContainText(t('technician.deviceTest.passed'));

    for (const [orientation, size] of ORIENTATIONS) {
      await page.setViewportSize(size);
      for (const [i, tab] of TABS[language].entries()) {
        await openTab(page, tab);
        await expect(page.getByRole('tabpanel').locator('.table-frame, .panel, .facts').first()).toBeVisible();
        await page.screenshot({
          path: info.outputPath(`technician-${language}-${orientation}-${i + 1}-${TAB_IDS[i]}.png`),
          fullPage: true,
        });
        if (orientation === 'portrait') await expectNoAxeViolations(page, `${tab} (${language})`);
      }
    }
    // The charts' figures as tables, opened: axe looks at those too.
    await openTab(page, TABS[language][5]);
    for (const summary of await page.locator('.hour-chart summary').all()) await summary.click();
    await expectNoAxeViolations(page, `the morning report's tables (${language})`);
  });
}
