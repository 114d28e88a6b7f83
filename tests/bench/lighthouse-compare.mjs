// Lighthouse on builds side by side (not part of the benchmark's report): runs of one page from
// each dist in turn, so that the machine's slow stretches fall on every dist alike, and per dist
// every run's performance score, Total Blocking Time and Lighthouse's CPU benchmark index (the
// machine's speed at that run), and their medians.
//   node tests/bench/lighthouse-compare.mjs <runs> <path> <dist>...
//   e.g. node tests/bench/lighthouse-compare.mjs 4 /policy/yuefu-2021-53/ target/bench/dist-1x /tmp/other-dist
import { lighthouseOnce } from './lighthouse.mjs';
import { startServer } from './server.mjs';
import { median } from './stats.mjs';

const [runs, path, ...dists] = process.argv.slice(2);
if (!runs || !path || dists.length === 0) {
  console.error('usage: node tests/bench/lighthouse-compare.mjs <runs> <path> <dist>...');
  process.exit(2);
}
const servers = await Promise.all(dists.map((dist) => startServer(dist)));
const results = dists.map(() => []);
for (let run = 0; run < Number(runs); run++) {
  for (const [i, server] of servers.entries()) {
    const { scores, metrics, benchmarkIndex } = await lighthouseOnce(`${server.origin}${path}`);
    results[i].push({ performance: scores.performance, tbtMs: metrics.tbtMs, benchmarkIndex });
  }
}
for (const [i, dist] of dists.entries()) {
  const list = results[i].map((r) => `${r.performance}/${r.tbtMs.toFixed(0)}/${Math.round(r.benchmarkIndex)}`).join(' ');
  console.log(`${dist}: performance median ${median(results[i].map((r) => r.performance))}, Total Blocking Time median ${median(results[i].map((r) => r.tbtMs)).toFixed(0)} ms, CPU benchmark index median ${Math.round(median(results[i].map((r) => r.benchmarkIndex)))} (runs, score/TBT/index: ${list})`);
}
for (const server of servers) await server.stop();
process.exit(0);
