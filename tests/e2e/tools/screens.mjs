// Takes phone and desktop screenshots of views, for people to look at:
//   node tools/screens.mjs OUT_DIR path [path …]
import { mkdirSync } from 'node:fs';
import { DESKTOP, PHONE, launch } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const [out, ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveDist();
const chromium = await launch();
try {
  for (const [name, device] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    for (const path of paths) {
      const page = await chromium.newPage(device);
      await page.goto(server.base + path);
      await page.waitForSelector('main [data-testid]:not([data-testid="loading"])');
      await page.waitForTimeout(300);
      const file = `${out}/${name}-${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
      await page.screenshot({ path: file, fullPage: false });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(file, 'scrollWidth', width, page.errors.length ? page.errors : '');
      await page.context().close();
    }
  }
} finally {
  await chromium.close();
  server.stop();
}
