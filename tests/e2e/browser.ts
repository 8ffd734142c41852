import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../lib/infra/chromium';

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return launchChromium();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

/**
 * The language is a profile setting, and e2e files share one database: a file
 * that switched an account to English leaves it so. Tests that read text say
 * which language they expect instead of relying on what an earlier file left.
 */
export async function chooseLanguage(page: Page, language: 'zh' | 'en'): Promise<void> {
  const current = await page.locator('html').getAttribute('lang');
  if (current?.startsWith(language)) return;
  await page.getByRole('button', { name: language === 'zh' ? '中文' : 'English' }).click();
  await page.waitForFunction((wanted) => document.documentElement.lang.startsWith(wanted), language);
}

/**
 * A fresh browser context signed in as a demo account, in the given language, on `path`. The
 * caller closes it with `page.context().close()`.
 */
export async function openAs(browser: Browser, email: string, password: string, language: 'zh' | 'en', path: string, viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.waitForURL(/\/deals$/);
  await chooseLanguage(page, language);
  // Until a page's code has come, its controls are the server's HTML and a press or a keystroke is the browser's alone.
  if (path !== '/deals') await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
  return page;
}
