/**
 * Debian's Chromium as Playwright drives it here (CONTRIBUTING.md, "Toolchain"): Playwright
 * cannot download its own browsers, and without the background-networking
 * flags Chromium keeps knocking on the closed network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
