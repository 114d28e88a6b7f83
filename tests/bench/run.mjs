// The benchmark's entry point (scripts/bench.sh runs it after building the dists): measures
// each scale's dist/ and writes report.json and report.md next to them. A measurement that
// fails is recorded in the report; the run goes on, and a missed budget never fails it.
//
//   BENCH_DIR      where dist-<N>x/ are and the report goes (default: <repo>/target/bench)
//   BENCH_SCALES   the scales to measure (default "1 10 100")
//   BENCH_RUNS     cold runs per timing (default 5)
//   BENCH_LH_RUNS  Lighthouse runs per page (default 3)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { measureLighthouse } from './lighthouse.mjs';
import {
  NETWORKS, PAGES, corpusOf, launchChromium, measureFirstViewBytes, measureInputFloor, measureMemory, measureSearchLatency, measureTimings,
} from './measure.mjs';
import { renderReport } from './report.mjs';
import { startServer } from './server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = resolve(process.env.BENCH_DIR || join(REPO, 'target/bench'));
const SCALES = (process.env.BENCH_SCALES || '1 10 100').split(/[\s,]+/).filter(Boolean);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS || 3);

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const git = (...args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

/** Runs one measurement; a failure is logged and recorded, and the benchmark goes on. */
async function attempt(result, where, measure) {
  log(`  ${where}`);
  try {
    return await measure();
  } catch (error) {
    log(`  ${where} failed: ${error.message ?? error}`);
    result.errors.push({ where, error: String(error.message ?? error) });
    return null;
  }
}

async function measureScale(scale, meta) {
  const dist = join(BENCH_DIR, `dist-${scale}x`);
  const result = { dist, errors: [] };
  if (!existsSync(join(dist, 'index.html'))) {
    result.errors.push({ where: 'dist', error: `${dist} is missing: run scripts/bench.sh without BENCH_SKIP_BUILD` });
    return result;
  }
  // With BENCH_SKIP_BUILD the dists may be older than the commit the report names.
  result.builtAt = statSync(join(dist, 'index.html')).mtime.toISOString();
  result.corpus = corpusOf(dist);
  // The deep link comes from the real first issue, so it exists at every scale; say so if not.
  const pages = Object.keys(PAGES).filter((page) => {
    const present = existsSync(join(dist, PAGES[page].path, 'index.html'));
    if (!present) result.errors.push({ where: page, error: `${PAGES[page].path} is not in ${dist}` });
    return present;
  });

  log(`${scale}×: precompressing ${dist}`);
  const started = Date.now();
  const server = await startServer(dist);
  result.precompressMs = Date.now() - started;
  const base = `${server.origin}/`;
  try {
    const browser = await launchChromium();
    meta.chromium = browser.version();
    try {
      result.firstView = {};
      result.timings = {};
      for (const page of pages) {
        result.firstView[page] = await attempt(result, `${page}: first-view bytes`, () => measureFirstViewBytes(browser, server, base, PAGES[page]));
        result.timings[page] = {};
        for (const network of Object.keys(NETWORKS)) {
          result.timings[page][network] = await attempt(result, `${page}: timings, ${network}`, () => measureTimings(browser, base, page, network, RUNS));
        }
      }
      result.search = await attempt(result, 'search latency', () => measureSearchLatency(browser, base, result.corpus.issues));
      // The floor does not depend on the corpus; measured at each scale, it sits beside that
      // scale's keystrokes from the same stretch of the machine.
      result.inputFloor = await attempt(result, 'input floor', () => measureInputFloor(browser, base));
      result.memory = await attempt(result, 'memory', () => measureMemory(browser, base));
    } finally {
      await browser.close();
    }
    result.lighthouse = {};
    for (const page of pages) {
      result.lighthouse[page] = await attempt(result, `${page}: Lighthouse ×${LH_RUNS}`, () => measureLighthouse(base + PAGES[page].path, LH_RUNS));
    }
  } finally {
    await server.stop();
  }
  return result;
}

function writeReport(data) {
  const { budgets, markdown } = renderReport(data);
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(join(BENCH_DIR, 'report.json'), `${JSON.stringify({ ...data, budgets }, null, 2)}\n`);
  writeFileSync(join(BENCH_DIR, 'report.md'), markdown);
  return markdown;
}

const meta = {
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  dirty: git('status', '--porcelain') !== '',
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  chromium: null,
  node: process.version,
  lighthouse: createRequire(import.meta.url)('lighthouse/package.json').version,
  runs: RUNS,
  lighthouseRuns: LH_RUNS,
  serviceWorkers: 'blocked in every Playwright context (registration is a no-op); Lighthouse runs with its own defaults',
};
const data = { meta, scales: {} };
for (const scale of SCALES) {
  data.scales[scale] = await measureScale(scale, meta);
  // Written after every scale, so an interrupted run still leaves a report.
  writeReport(data);
}
process.stdout.write(writeReport(data));
log(`report: ${join(BENCH_DIR, 'report.md')} and report.json`);
