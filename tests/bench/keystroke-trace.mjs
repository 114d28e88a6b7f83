// Where a keystroke's time goes on the search page (not part of the benchmark's report): the
// benchmark's queries typed at 4× CPU and phone size, each into a box emptied without an input
// event, under a DevTools trace; the main thread's time per keystroke in script, style, layout
// (and, of it, text shaping) and painting, and all its tasks together (the appending of the
// results past the first screen, after the first paint, included).
//   node tests/bench/keystroke-trace.mjs <dist>
import { CHROMIUM, PHONE } from './measure.mjs';
import { keystrokesOf, QUERIES } from './queries.mjs';
import { startServer } from './server.mjs';
import { chromium } from 'playwright-core';

const [dist] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/keystroke-trace.mjs <dist>');
  process.exit(2);
}
const SEARCH_INPUT = '[data-testid=search-input]';
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
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${server.origin}/search/`);
await page.waitForSelector(SEARCH_INPUT);
await page.waitForTimeout(1500);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink', transferMode: 'ReportEvents' });
let keystrokes = 0;
for (const query of QUERIES) {
  await page.evaluate((selector) => { document.querySelector(selector).value = ''; }, SEARCH_INPUT);
  await page.focus(SEARCH_INPUT);
  let typed = '';
  for (const value of keystrokesOf(query)) {
    await page.keyboard.insertText(value.slice(typed.length));
    typed = value;
    keystrokes++;
    await page.waitForTimeout(SETTLE_MS);
  }
}
const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.end');
await complete;

// The busiest renderer main thread is the page's.
const thread = (e) => `${e.pid}:${e.tid}`;
const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
const busy = new Map();
for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && mains.has(thread(e))) busy.set(thread(e), (busy.get(thread(e)) ?? 0) + e.dur);
const [main] = [...busy.entries()].sort((a, b) => b[1] - a[1])[0];
console.log(`${keystrokes} keystrokes over ${QUERIES.length} queries, 4× CPU; ms per keystroke:`);
for (const [phase, names] of Object.entries(PHASES)) {
  const totalUs = events.filter((e) => e.ph === 'X' && thread(e) === main && names.includes(e.name)).reduce((sum, e) => sum + e.dur, 0);
  console.log(`  ${phase.padEnd(26)} ${(totalUs / 1000 / keystrokes).toFixed(1)}`);
}
await browser.close();
await server.stop();
