import { launch } from './support/browser.mjs';
const c = await launch();
for (const path of ['', 'policy/yuefu-2021-53/']) {
  const page = await c.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('http://127.0.0.1:8765/' + path);
  await page.waitForSelector('#app main [data-testid]:not([data-testid="loading"])');
  await page.waitForTimeout(1500);
  const r = await page.evaluate(() => ({ lt: window.__lt, m: performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), +m.duration.toFixed(1)]), rendered: performance.now() }));
  console.log(path || 'home', JSON.stringify(r));
  await page.context().close();
}
await c.close();
