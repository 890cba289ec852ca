/**
 * `npm run bench -- attract`: only the kiosk's start to its attract screen in Chromium beside the bare
 * page (attract-screen.ts), more rounds than the full start-up benchmark gives it. Run `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { attractScreen } from './attract-screen.ts';

export default async function (): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await attractScreen(browser, Number(process.env.BENCH_ROUNDS ?? 7));
  } finally {
    await browser.close();
  }
}
