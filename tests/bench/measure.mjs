// Measurements in Debian's Chromium through playwright-core: first-view bytes, load timings,
// search latency per keystroke and memory after load. Every run gets a fresh browser context
// (empty cache and storage) with service workers blocked, at phone size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { throttling } from 'lighthouse/core/config/constants.js';
import { chromium } from 'playwright-core';

import { installProbe } from './probe.mjs';
import { QUERIES, TIMING_QUERY, keystrokesOf } from './queries.mjs';
import { max, median, percentile, sum } from './stats.mjs';
import { startTaskTrace } from './trace.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const CPU_SLOWDOWN = 4;
const RUN_TIMEOUT_MS = 180_000;
export const IDLE_MS = 1000;
// A task longer than this holds the page (the Long Tasks API's and Lighthouse's threshold).
const LONG_TASK_MS = 50;
// The prefix of the probe's mark for each input event on the search page.
const INPUT_MARK = 'bench-input';

// Lighthouse's own slow-4G figures for DevTools throttling, converted the way Lighthouse
// converts them (core/lib/emulation.js): kbps to bytes per second.
const slow4g = throttling.mobileSlow4G;
export const NETWORKS = {
  none: null,
  slow4g: {
    offline: false,
    latency: slow4g.requestLatencyMs,
    downloadThroughput: Math.floor((slow4g.downloadThroughputKbps * 1024) / 8),
    uploadThroughput: Math.floor((slow4g.uploadThroughputKbps * 1024) / 8),
  },
};

/** The two first views measured, with what shows that the app has rendered each. */
export const PAGES = {
  home: { path: '', rendered: '#app [data-testid="home"]' },
  policy: { path: 'policy/yuefu-2021-53/', rendered: '#app [data-testid="policy-title"]' },
};
export const SEARCH_PAGE = { path: 'search/', rendered: '#app [data-testid="search-page"]' };
export const SEARCH_INPUT = '#app [data-testid="search-input"]';

/** The shipped corpus's size, from the manifest the app reads first in `dist`. */
export function corpusOf(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'data/manifest.json'), 'utf8'));
  return { issues: manifest.issues.length, items: manifest.issues.reduce((n, i) => n + (i.items ?? 0), 0) };
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A phone-sized page in a new context, its CDP session, optional CPU and network throttling,
 * and the in-page probe. `page.errors` collects uncaught errors for the report.
 */
export async function openPage(browser, { cpu, network, probe }) {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await page.addInitScript(installProbe, probe);
  return { context, page, cdp };
}

/** Navigates and waits for the probe: the app rendered (and answered, if asked to). */
export async function openAndWait(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
  await withTimeout(page.evaluate(() => window.__bench.done), RUN_TIMEOUT_MS, url);
  const state = await page.evaluate(() => ({
    renderedAt: window.__bench.renderedAt,
    answeredAt: window.__bench.answeredAt,
    error: window.__bench.error,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  if (state.error) throw new Error(state.error);
  return state;
}

/** Runs `measure(page, cdp)` on a fresh page and always closes its context. */
async function onFreshPage(browser, options, measure) {
  const { context, page, cdp } = await openPage(browser, options);
  try {
    return { ...(await measure(page, cdp)), pageErrors: page.errors };
  } finally {
    await context.close();
  }
}

/**
 * One cold load of `url` at 4× CPU, for comparing builds' start-up (`startup-tasks.mjs`, not
 * the report): the main thread's long tasks (rendering included, see trace.mjs) from the first
 * contentful paint until `tailMs` after the app rendered, as the time past 50 ms of each added
 * up (Total Blocking Time's measure, before TTI cuts it) and the longest of them.
 */
export async function measureStartupTasks(browser, url, rendered, tailMs) {
  return onFreshPage(browser, { cpu: CPU_SLOWDOWN, probe: { rendered } }, async (page, cdp) => {
    const trace = await startTaskTrace(cdp);
    const { renderedAt } = await openAndWait(page, url);
    await sleep(tailMs);
    const { fcpSeen, tasks } = await trace.stop();
    if (!fcpSeen) throw new Error(`${url}: no first contentful paint in the trace`);
    const durations = tasks.filter((t) => t.startMs + t.durationMs > 0 && t.durationMs > LONG_TASK_MS).map((t) => t.durationMs);
    return {
      renderedAt,
      pastFiftyMs: sum(durations.map((d) => d - LONG_TASK_MS)),
      longestMs: max(durations) ?? 0,
    };
  });
}

/**
 * Every response of the first view of `url`, from navigation until the app has rendered and
 * the network has been idle for a second, with each file's raw, gzip and brotli sizes.
 */
export async function measureFirstViewBytes(browser, server, base, pageSpec) {
  return onFreshPage(browser, { probe: { rendered: pageSpec.rendered } }, async (page) => {
    // Playwright's network events, not the page's DevTools session: they include the requests of
    // the page's workers (the wasm is fetched by one).
    const requests = new Map();
    let inFlight = 0;
    let lastActivity = Date.now();
    const touch = () => { lastActivity = Date.now(); };
    page.on('request', (request) => {
      touch();
      inFlight++;
      requests.set(request, { url: request.url() });
    });
    page.on('response', async (response) => {
      touch();
      const headers = await response.allHeaders();
      Object.assign(requests.get(response.request()) ?? {}, {
        status: response.status(),
        contentType: (headers['content-type'] ?? '').split(';')[0] || null,
        encoding: headers['content-encoding'] ?? null,
      });
    });
    page.on('requestfinished', async (request) => {
      touch();
      const sizes = await request.sizes();
      Object.assign(requests.get(request) ?? {}, { transferred: sizes.responseHeadersSize + sizes.responseBodySize });
      inFlight--;
    });
    page.on('requestfailed', (request) => {
      touch();
      inFlight--;
      Object.assign(requests.get(request) ?? {}, { failed: request.failure()?.errorText ?? 'failed' });
    });

    await openAndWait(page, base + pageSpec.path);
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while ((inFlight > 0 || Date.now() - lastActivity < IDLE_MS) && Date.now() < deadline) await sleep(100);

    const files = [...requests.values()]
      .filter((r) => r.url.startsWith(server.origin))
      .map((r) => {
        const url = new URL(r.url);
        const served = server.resolve(url.pathname);
        return {
          path: url.pathname + url.search,
          status: r.status ?? null,
          contentType: r.contentType ?? null,
          encoding: r.encoding ?? null,
          transferred: r.transferred ?? null,
          ...(r.failed ? { failed: r.failed } : {}),
          file: served.file ?? null,
          ...(served.file ? server.sizes(served.file) : { raw: null, gzip: null, br: null }),
        };
      });
    const total = (key) => sum(files.map((f) => f[key]));
    return {
      files,
      totals: { requests: files.length, raw: total('raw'), gzip: total('gzip'), br: total('br'), transferred: total('transferred') },
    };
  });
}

/**
 * Cold loads of `pageSpec` at 4× CPU on `network`, `runs` times: first contentful paint, the
 * app rendered, and the search answering (typed as soon as the app rendered), all in ms from
 * navigation start; medians over the runs.
 */
export async function measureTimings(browser, base, pageName, networkName, runs) {
  const pageSpec = PAGES[pageName];
  const options = {
    cpu: CPU_SLOWDOWN,
    network: NETWORKS[networkName],
    probe: { rendered: pageSpec.rendered, interaction: pageName, query: TIMING_QUERY },
  };
  const samples = [];
  for (let i = 0; i < runs; i++) {
    try {
      samples.push(await onFreshPage(browser, options, async (page) => {
        const state = await openAndWait(page, base + pageSpec.path);
        return { fcpMs: state.fcp, renderedMs: state.renderedAt, interactiveMs: state.answeredAt };
      }));
    } catch (error) {
      samples.push({ error: String(error) });
    }
  }
  const medianOf = (key) => median(samples.map((s) => s[key]));
  return {
    median: { fcpMs: medianOf('fcpMs'), renderedMs: medianOf('renderedMs'), interactiveMs: medianOf('interactiveMs') },
    runs: samples,
  };
}

/** Median and p95 of a list of per-keystroke figures. */
const spread = (values) => ({ median: median(values), p95: percentile(values, 95), max: max(values), n: values.filter((v) => v != null).length });

/**
 * Every query of QUERIES typed into the search box as trusted input (the DevTools protocol),
 * keystroke by keystroke; `beforeQuery(query)` runs before each query's first keystroke, and
 * `afterKeystroke(count)` after each, with the keystrokes typed so far.
 */
export async function typeTrusted(page, beforeQuery, afterKeystroke) {
  let count = 0;
  for (const query of QUERIES) {
    await beforeQuery(query);
    // Focused from the page's own world: Playwright's `page.focus` first injects its selector
    // engine, a script whose evaluation took 25-58 ms of the page's main thread at 4x CPU and
    // counted as a long task of the page's.
    await page.evaluate((selector) => document.querySelector(selector).focus(), SEARCH_INPUT);
    let typed = '';
    for (const value of keystrokesOf(query)) {
      await page.keyboard.insertText(value.slice(typed.length));
      typed = value;
      await afterKeystroke(++count);
    }
  }
  return count;
}

/**
 * Every query of QUERIES typed into an emptied search box keystroke by keystroke (synthetic
 * input events), each keystroke timed by the probe; its `computeMs` is the app's measures for
 * it added up (the time the user waits for), null when it recorded none.
 */
async function typeQueries(page) {
  const typed = [];
  for (const query of QUERIES) {
    await page.evaluate(() => window.__bench.clear());
    const keystrokes = [];
    for (const value of keystrokesOf(query)) {
      const k = await page.evaluate((v) => window.__bench.keystroke(v), value);
      keystrokes.push({ ...k, computeMs: k.computeMs.length ? sum(k.computeMs) : null, computeMeasures: k.computeMs.length });
    }
    typed.push({ query, keystrokes });
  }
  return typed;
}

/**
 * The last input event the probe marked before `ms` (its task, or the frames that followed
 * it): `{ trusted, value }` (value '' when the box was emptied), or null before any.
 */
function inputBefore(marks, ms) {
  const mark = marks.filter((m) => m.name.startsWith(`${INPUT_MARK} `) && m.atMs <= ms).at(-1);
  if (!mark) return null;
  const [, kind, ...value] = mark.name.split(' ');
  return { trusted: kind === 'trusted', value: value.join(' ') };
}

/**
 * Starts watching the search page's library (the probe's `watchLibrary`) on a corpus of
 * `issues`; the function returned waits until it holds them all and gives the time it did, or
 * null for one issue, which is complete when the app renders. Keystrokes typed before would
 * search one issue's library, not all of them: at 100× the catalog is indexed about 2 s after
 * the app rendered at 4× CPU.
 */
export async function watchLibrary(page, issues) {
  if (issues <= 1) return async () => null;
  await page.evaluate(() => window.__bench.watchLibrary());
  return async () => {
    const { at, error } = await withTimeout(page.evaluate(() => window.__bench.libraryComplete), RUN_TIMEOUT_MS, 'the catalog');
    if (error) throw new Error(error);
    return at;
  };
}

/**
 * Search latency at 4× CPU over a corpus of `issues` issues: once the search page's library
 * holds them all, every query of QUERIES typed keystroke by keystroke (synthetic input events),
 * each timed from the input event to the paint after the DOM changed, with the app's own
 * `cankao-search` measures; then the same keystrokes as trusted input for the Event Timing
 * cross-check. The main thread's long tasks (rendering included) are traced from a second
 * after the app rendered: the catalog's loading, where there is one, and both passes.
 */
export async function measureSearchLatency(browser, base, issues) {
  const options = { cpu: CPU_SLOWDOWN, probe: { rendered: SEARCH_PAGE.rendered, inputMark: INPUT_MARK } };
  return onFreshPage(browser, options, async (page, cdp) => {
    const { renderedAt } = await openAndWait(page, base + SEARCH_PAGE.path);
    const libraryComplete = await watchLibrary(page, issues);
    await sleep(IDLE_MS);
    // Everything traced from here on is after load.
    const trace = await startTaskTrace(cdp, { marks: true });
    const libraryCompleteAt = (await libraryComplete()) ?? renderedAt;
    await sleep(IDLE_MS);

    const queries = (await typeQueries(page)).map(({ query, keystrokes }) => ({
      query,
      keystrokes,
      inputToPaintMs: spread(keystrokes.map((k) => k.inputToPaintMs)),
      computeMs: spread(keystrokes.map((k) => k.computeMs)),
    }));

    await page.evaluate(() => window.__bench.watchTrustedInput());
    await typeTrusted(
      page,
      () => page.evaluate(() => window.__bench.clear()),
      // Not `page.waitForFunction`, which injects Playwright's script into the page on first use.
      (count) => withTimeout(page.evaluate((n) => window.__bench.untilTrustedInputs(n), count), 30_000, 'a trusted keystroke'),
    );
    const { trustedInputs, inputEventTimings } = await page.evaluate(() => ({
      trustedInputs: window.__bench.trustedInputs,
      inputEventTimings: window.__bench.inputEventTimings,
    }));
    const { tasks, marks } = await trace.stop();
    const longTasksAfterLoad = tasks.filter((t) => t.durationMs > LONG_TASK_MS)
      .map((t) => ({ ...t, input: inputBefore(marks, t.startMs + t.durationMs) }));

    // The same keystrokes once more without the slow-down: the search's own cost, apart from
    // how DevTools throttling (which stops the main thread for stretches) lands on short tasks.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const unthrottled = (await typeQueries(page)).flatMap((q) => q.keystrokes.map((k) => k.computeMs));

    const all = queries.flatMap((q) => q.keystrokes);
    return {
      libraryCompleteMs: libraryCompleteAt - renderedAt,
      keystrokes: all.length,
      inputToPaintMs: spread(all.map((k) => k.inputToPaintMs)),
      computeMs: spread(all.map((k) => k.computeMs)),
      unthrottledComputeMs: spread(unthrottled),
      keystrokesWithoutDomChange: all.filter((k) => !k.domChanged).length,
      inputToPaintWithoutDomChangeMs: spread(all.filter((k) => !k.domChanged).map((k) => k.inputToPaintMs)),
      trustedInput: {
        keystrokes: trustedInputs.length,
        inputToPaintMs: spread(trustedInputs.map((k) => k.inputToPaintMs)),
        // The Event Timing API reports only events of 16 ms or more, rounded to 8 ms.
        eventTiming: {
          entriesOver16Ms: inputEventTimings.length,
          maxDurationMs: max(inputEventTimings.map((e) => e.durationMs)),
        },
      },
      longTasksAfterLoad: {
        count: longTasksAfterLoad.length,
        maxMs: max(longTasksAfterLoad.map((t) => t.durationMs)),
        tasks: longTasksAfterLoad,
      },
      queries,
    };
  });
}

// The least a page can do per keystroke: a bare box whose input handler writes the box's
// value into one line of text. Served in place of a page of the dist, so it shares its origin.
const INPUT_FLOOR_PATH = 'bench-input-floor/';
const INPUT_FLOOR_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>input floor</title></head>
<body><div id="app"><main>
<input type="search" data-testid="search-input" aria-label="search"><p></p>
</main></div>
<script>
const box = document.querySelector('input');
const echo = document.querySelector('p');
box.addEventListener('input', () => { echo.textContent = box.value; });
</script></body></html>`;

/**
 * The floor under the search page's input to paint: the same keystrokes, typed and timed the
 * same way at 4× CPU, into a bare page that only echoes the box's value. What it takes is the
 * wait for the next frame, the box's own editing and one line of text laid out and painted:
 * the least a page that shows something new on each keystroke takes under this measure (one
 * whose keystroke changes nothing can come in under it: it lays out no new text).
 */
export async function measureInputFloor(browser, base) {
  const options = { cpu: CPU_SLOWDOWN, probe: { rendered: SEARCH_INPUT } };
  return onFreshPage(browser, options, async (page) => {
    await page.route(base + INPUT_FLOOR_PATH, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: INPUT_FLOOR_PAGE }));
    await openAndWait(page, base + INPUT_FLOOR_PATH);
    await sleep(IDLE_MS);
    const all = (await typeQueries(page)).flatMap((q) => q.keystrokes);
    return { keystrokes: all.length, inputToPaintMs: spread(all.map((k) => k.inputToPaintMs)) };
  });
}

/** The JS heap (and the wasm memory) on home, once the app has rendered and idled a second. */
export async function measureMemory(browser, base) {
  return onFreshPage(browser, { probe: { rendered: PAGES.home.rendered } }, async (page, cdp) => {
    await openAndWait(page, base + PAGES.home.path);
    await sleep(IDLE_MS);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await cdp.send('Runtime.getHeapUsage');
    return {
      jsHeapUsedBytes: metric('JSHeapUsedSize'),
      jsHeapTotalBytes: metric('JSHeapTotalSize'),
      heapUsage: heap,
      jsHeapUsedAfterGcBytes: heapAfterGc.usedSize,
      wasmMemoryBytes: await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? null),
    };
  });
}
