// Where a keystroke's time goes on the search page (not part of the benchmark's report): the
// benchmark's queries typed at 4× CPU and phone size, each into a box emptied without an input
// event, under a DevTools trace; the main thread's time per keystroke in script, style, layout
// (and, of it, text shaping) and painting, and all its tasks together (the appending of the
// results past the first screen, after the first paint, included).
//   node tests/bench/keystroke-trace.mjs <dist>
import { IDLE_MS, launchChromium, openAndWait, openPage, SEARCH_INPUT, SEARCH_PAGE, typeTrusted } from './measure.mjs';
import { QUERIES } from './queries.mjs';
import { startServer } from './server.mjs';
import { pageMainThread, startTrace, threadOf } from './trace.mjs';

const [dist] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/keystroke-trace.mjs <dist>');
  process.exit(2);
}
// Long enough for the results past the first screen to be appended and painted.
const SETTLE_MS = 600;
// Trace events that do not nest in one another, by what they are.
const PHASES = {
  script: ['FunctionCall'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  'text shaping (in layout)': ['InlineNode::ShapeTextIncludingFirstLine'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  'every task': ['RunTask'],
};

const server = await startServer(dist);
const browser = await launchChromium();
// As the benchmark opens it: phone size, service worker blocked, loaded unthrottled.
const { page, cdp } = await openPage(browser, { probe: { rendered: SEARCH_PAGE.rendered } });
await openAndWait(page, `${server.origin}/${SEARCH_PAGE.path}`);
await page.waitForTimeout(IDLE_MS);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
// Every rendering phase, and RunTask (which pageMainThread reads).
const trace = await startTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,blink');
const keystrokes = await typeTrusted(
  page,
  () => page.evaluate((selector) => { document.querySelector(selector).value = ''; }, SEARCH_INPUT),
  () => page.waitForTimeout(SETTLE_MS),
);
const events = await trace.stop();

const { thread } = pageMainThread(events);
console.log(`${keystrokes} keystrokes over ${QUERIES.length} queries, 4× CPU; ms per keystroke:`);
for (const [phase, names] of Object.entries(PHASES)) {
  const totalUs = events.filter((e) => e.ph === 'X' && threadOf(e) === thread && names.includes(e.name)).reduce((sum, e) => sum + e.dur, 0);
  console.log(`  ${phase.padEnd(26)} ${(totalUs / 1000 / keystrokes).toFixed(1)}`);
}
await browser.close();
await server.stop();
