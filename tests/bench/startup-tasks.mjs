// The start-up's long tasks, to compare builds (not part of the benchmark's report): cold loads
// of one page from each dist in turn, at 4× CPU and phone size, and per dist the medians of the
// time past 50 ms of every long task after the first contentful paint (Total Blocking Time's
// measure, before TTI cuts it) and of the longest such task.
//   node tests/bench/startup-tasks.mjs <runs> <path> <dist>...
//   e.g. node tests/bench/startup-tasks.mjs 10 /policy/yuefu-2021-53/ target/bench/dist-1x /tmp/other-dist
import { launchChromium } from './measure.mjs';
import { installProbe } from './probe.mjs';
import { startServer } from './server.mjs';

const [runs, path, ...dists] = process.argv.slice(2);
if (!runs || !path || dists.length === 0) {
  console.error('usage: node tests/bench/startup-tasks.mjs <runs> <path> <dist>...');
  process.exit(2);
}
// Long tasks are collected until this long after the app rendered.
const AFTER_RENDER_MS = 2500;

const servers = await Promise.all(dists.map((dist) => startServer(dist)));
const browser = await launchChromium();
const results = dists.map(() => ({ pastFifty: [], longest: [], rendered: [] }));
for (let run = 0; run < Number(runs); run++) {
  // Interleaved, so that the machine's slow stretches fall on every dist alike.
  for (const [i, server] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(installProbe, { rendered: '#app main [data-testid]' });
    await page.goto(`${server.origin}${path}`);
    await page.evaluate(() => window.__bench.done);
    await new Promise((resolve) => setTimeout(resolve, AFTER_RENDER_MS));
    const { longTasks, renderedAt, fcp } = await page.evaluate(() => ({
      longTasks: window.__bench.longTasks,
      renderedAt: window.__bench.renderedAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    }));
    const afterFcp = longTasks.filter((t) => t.startMs + t.durationMs > fcp);
    results[i].pastFifty.push(afterFcp.reduce((sum, t) => sum + Math.max(0, t.durationMs - 50), 0));
    results[i].longest.push(Math.max(0, ...afterFcp.map((t) => t.durationMs)));
    results[i].rendered.push(renderedAt);
    await context.close();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [i, dist] of dists.entries()) {
  const r = results[i];
  console.log(`${dist}: past 50 ms after FCP, median ${median(r.pastFifty).toFixed(0)} ms (runs: ${r.pastFifty.map((x) => x.toFixed(0)).join(' ')}); longest task median ${median(r.longest).toFixed(0)} ms; app rendered median ${median(r.rendered).toFixed(0)} ms`);
}
await browser.close();
for (const server of servers) await server.stop();
process.exit(0);
