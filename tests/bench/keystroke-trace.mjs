// Where a keystroke's time goes on the search page (not part of the benchmark's report): the
// benchmark's queries typed at 4× CPU and phone size, each into a box emptied without an input
// event, under a DevTools trace; the main thread's time per keystroke in script, style, layout
// (and, of it, text shaping) and painting, and all its tasks together (the appending of the
// results past the first screen, after the first paint, included); then the longest tasks,
// each with the phases it held.
//   node tests/bench/keystroke-trace.mjs <dist>
import { IDLE_MS, corpusOf, launchChromium, openAndWait, openPage, SEARCH_INPUT, SEARCH_PAGE, typeTrusted, watchLibrary } from './measure.mjs';
import { QUERIES } from './queries.mjs';
import { startServer } from './server.mjs';
import { outermost, pageMainThread, startTrace, threadOf } from './trace.mjs';

const [dist] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node tests/bench/keystroke-trace.mjs <dist>');
  process.exit(2);
}
// How many of the longest tasks to take apart.
const LONGEST_TASKS = 8;
// Long enough for the results past the first screen to be appended and painted.
const SETTLE_MS = 600;
// Trace events by the phase they belong to.
const PHASES = {
  script: ['FunctionCall'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
};
// Inside layout.
const TEXT_SHAPING = ['InlineNode::ShapeTextIncludingFirstLine'];

const server = await startServer(dist);
const browser = await launchChromium();
// As the benchmark opens it: phone size, service worker blocked, loaded unthrottled.
const { page, cdp } = await openPage(browser, { probe: { rendered: SEARCH_PAGE.rendered } });
await openAndWait(page, `${server.origin}/${SEARCH_PAGE.path}`);
// As the benchmark types: once every issue is searchable.
await (await watchLibrary(page, corpusOf(dist).issues))();
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

const { thread, runTasks } = pageMainThread(events);
const onThread = events.filter((e) => e.ph === 'X' && threadOf(e) === thread);
/** Milliseconds the events among `within` named `names` took. */
const msOf = (within, names) => within.filter((e) => names.includes(e.name)).reduce((sum, e) => sum + e.dur, 0) / 1000;
// Each counted once: an event inside another of its kind (Paint in Paint, a nested run loop's
// tasks) is part of that one's time.
const outermostNamed = (names) => outermost(onThread.filter((e) => names.includes(e.name)));
const phaseEvents = outermostNamed(Object.values(PHASES).flat());
const tasks = outermost(runTasks);
/** Milliseconds spent in each phase by the phase events among `within`, and their sum. */
const phasesOf = (within) => {
  const phases = Object.entries(PHASES).map(([phase, names]) => [phase, msOf(within, names)]);
  return { phases, total: phases.reduce((sum, [, ms]) => sum + ms, 0) };
};
const perKeystroke = (ms) => (ms / keystrokes).toFixed(1);
console.log(`${keystrokes} keystrokes over ${QUERIES.length} queries, 4× CPU; ms per keystroke:`);
for (const [phase, ms] of phasesOf(phaseEvents).phases) console.log(`  ${phase.padEnd(26)} ${perKeystroke(ms)}`);
console.log(`  ${'text shaping (in layout)'.padEnd(26)} ${perKeystroke(msOf(outermostNamed(TEXT_SHAPING), TEXT_SHAPING))}`);
console.log(`  ${'every task'.padEnd(26)} ${perKeystroke(msOf(tasks, ['RunTask']))}`);
// The longest tasks, and what each held: whether a keystroke's script, its layout and its paint
// fell in one task or several (a long task over 50 ms counts against the budget as a whole).
// What the phases leave is "other": the harness's own scripts, the input's editing, garbage
// collection.
console.log('longest tasks (ms), with their phases (tracing adds to them):');
for (const task of [...tasks].sort((a, b) => b.dur - a.dur).slice(0, LONGEST_TASKS)) {
  const inside = phaseEvents.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const { phases, total } = phasesOf(inside);
  const parts = [...phases, ['other', task.dur / 1000 - total]].filter(([, ms]) => ms >= 0.5);
  console.log(`  ${(task.dur / 1000).toFixed(1).padStart(6)}  ${parts.map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`).join(', ')}`);
}
await browser.close();
await server.stop();
