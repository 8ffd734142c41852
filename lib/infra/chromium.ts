import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium; Playwright's own browser download cannot run on these machines.
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium as the e2e tests and the page bench drive it (CHROMIUM_PATH overrides /usr/bin/chromium). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: flags });
}
