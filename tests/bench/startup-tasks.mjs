// The start-up's long tasks, to compare builds (not part of the benchmark's report): cold loads
// of one page from each dist in turn, at 4× CPU and phone size, and per dist the medians of the
// time past 50 ms of every long task after the first contentful paint (Total Blocking Time's
// measure, before TTI cuts it) and of the longest such task.
//   node tests/bench/startup-tasks.mjs <runs> <path> <dist>...
//   e.g. node tests/bench/startup-tasks.mjs 10 /policy/yuefu-2021-53/ target/bench/dist-1x /tmp/other-dist
import { launchChromium, measureStartupTasks } from './measure.mjs';
import { startServer } from './server.mjs';
import { median } from './stats.mjs';

const [runs, path, ...dists] = process.argv.slice(2);
if (!runs || !path || dists.length === 0) {
  console.error('usage: node tests/bench/startup-tasks.mjs <runs> <path> <dist>...');
  process.exit(2);
}
// Any route's view: the app has rendered.
const RENDERED = '#app main [data-testid]';
// Long tasks are collected until this long after the app rendered.
const AFTER_RENDER_MS = 2500;

const servers = await Promise.all(dists.map((dist) => startServer(dist)));
const browser = await launchChromium();
const results = dists.map(() => []);
for (let run = 0; run < Number(runs); run++) {
  // Interleaved, so that the machine's slow stretches fall on every dist alike.
  for (const [i, server] of servers.entries()) {
    results[i].push(await measureStartupTasks(browser, `${server.origin}${path}`, RENDERED, AFTER_RENDER_MS));
  }
}
for (const [i, dist] of dists.entries()) {
  const loads = results[i];
  const pastFifty = loads.map((l) => l.pastFiftyMs);
  console.log(`${dist}: past 50 ms after FCP, median ${median(pastFifty).toFixed(0)} ms (runs: ${pastFifty.map((x) => x.toFixed(0)).join(' ')}); longest task median ${median(loads.map((l) => l.longestMs)).toFixed(0)} ms; app rendered median ${median(loads.map((l) => l.renderedAt)).toFixed(0)} ms`);
}
await browser.close();
for (const server of servers) await server.stop();
process.exit(0);
