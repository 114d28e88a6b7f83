// Debian's Chromium driven by playwright-core (test tools cannot download browsers here).
// Playwright gives every launch a fresh, temporary profile.
import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The loader's console warning when the page compiles the wasm itself, the worker not used. */
export const isCompileFallback = (message) => message.type() === 'warning' && message.text().startsWith('wasm-compile.js:');

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: FLAGS,
  });
  return {
    browser,
    /** A page in a new context (own storage), collecting uncaught errors in `page.errors`. */
    async newPage(device = DESKTOP) {
      const context = await browser.newContext({ ...device, locale: 'zh-CN' });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      return page;
    },
    close: () => browser.close(),
  };
}
