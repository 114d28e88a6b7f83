// Lighthouse 12 with its default configuration: mobile form factor, simulated slow-4G and 4×
// CPU throttling, the four categories. A fresh Chromium (fresh profile) for every run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { CHROMIUM } from './measure.mjs';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
};

/** One Lighthouse run of `url` in a fresh Chromium: scores, metrics, failed audits. */
export async function lighthouseOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error' });
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, audit]) => [key, lhr.audits[audit]?.numericValue ?? null]));
    // What keeps a category below 100: the audits that count towards its score and failed.
    const failedAudits = Object.fromEntries(CATEGORIES.map((c) => [c, (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && lhr.audits[ref.id].score < 1)
      .map((ref) => ({ id: ref.id, title: lhr.audits[ref.id].title, score: lhr.audits[ref.id].score }))]));
    // Lighthouse's own measure of the machine's CPU speed at the run (higher is faster; it warns
    // under 1000). Its simulated 4× throttling multiplies the tasks it observed, so a slow stretch
    // of the machine lowers the score without any change to the page: the report shows both.
    const benchmarkIndex = lhr.environment?.benchmarkIndex ?? null;
    return { scores, metrics, benchmarkIndex, failedAudits, runWarnings: lhr.runWarnings, lighthouseVersion: lhr.lighthouseVersion };
  } finally {
    await chrome.kill();
  }
}

/** `runs` Lighthouse runs of `url`; the median run by performance score, and every run's scores. */
export async function measureLighthouse(url, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    try {
      all.push(await lighthouseOnce(url));
    } catch (error) {
      all.push({ error: String(error) });
    }
  }
  const ranked = all.filter((r) => r.scores?.performance != null)
    .sort((a, b) => a.scores.performance - b.scores.performance);
  // For an even count, the lower of the two middle runs.
  const medianRun = ranked.length ? ranked[Math.floor((ranked.length - 1) / 2)] : null;
  return {
    median: medianRun,
    runs: all.map((r) => (r.error ? { error: r.error } : { scores: r.scores, metrics: r.metrics, benchmarkIndex: r.benchmarkIndex })),
  };
}
