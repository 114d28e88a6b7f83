// Turns the measurements into the budget verdicts and the markdown report. Budgets are
// reported (✓ met, ✗ missed, – not measured), never enforced: the benchmark does not fail.
import { extname } from 'node:path';

import { PAGES } from './measure.mjs';

const KB = 1024;
export const BUDGETS = {
  firstViewGzipBytes1x: 200 * KB,
  firstViewGrowth100x: 1.3,
  interactiveGrowth100x: 1.5,
  lighthouseMin: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  searchComputeP95Ms: { 1: 2, 100: 10 },
  inputToPaintP95Ms1x: 16,
  longTaskMaxMs: 50,
};

const NETWORK_NAMES = { none: 'no throttling', slow4g: 'slow 4G' };
const PAGE_NAMES = { home: 'home `./`', policy: 'deep link `policy/yuefu-2021-53/`' };
const FILE_KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'wasm', '.css': 'CSS', '.json': 'data (JSON)' };

const kindOf = (file) => FILE_KINDS[extname(file ?? '')] ?? 'other';
const get = (object, path) => path.reduce((o, key) => (o == null ? undefined : o[key]), object);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

const fmt = {
  kb: (bytes) => (bytes == null ? '–' : (bytes / KB).toFixed(1)),
  mb: (bytes) => (bytes == null ? '–' : (bytes / KB / KB).toFixed(2)),
  ms: (ms) => (ms == null ? '–' : ms < 10 ? ms.toFixed(2) : Math.round(ms).toString()),
  ratio: (r) => (r == null ? '–' : `${r.toFixed(2)}×`),
  count: (n) => (n == null ? '–' : String(n)),
  cls: (v) => (v == null ? '–' : v.toFixed(3)),
  /** Long tasks, each with the search box's value at the input it followed ('emptied' when cleared). */
  longTasks: (tasks) => (!tasks?.length ? '–' : tasks.map(({ durationMs, input }) => {
    const before = !input ? 'before any input'
      : `${input.value ? `\`${input.value}\`` : 'emptied'}${input.trusted ? ', trusted' : ''}`;
    return `${Math.round(durationMs)} (${before})`;
  }).join('; ')),
};

/** Builds markdown tables and collects every budget verdict on the way. */
class Report {
  constructor(scales) {
    this.scales = scales;
    this.lines = [];
    this.budgets = [];
  }

  scaleHeads() {
    return this.scales.map((s) => `${s}×`);
  }

  /**
   * Records a verdict: `figure` against `limit` (`atMost` or `atLeast`). A figure that could
   * not be measured gives pass: null.
   */
  check(what, scale, figure, limit, direction = 'atMost') {
    const pass = figure == null ? null : direction === 'atMost' ? figure <= limit : figure >= limit;
    this.budgets.push({ what, scale: Number(scale), figure, limit, direction, pass });
    return { scale, pass };
  }

  /** "✓", or per-scale marks when a row's budget applies at several scales. */
  static marks(verdicts) {
    if (verdicts.length === 0) return '';
    const mark = (v) => (v.pass == null ? '–' : v.pass ? '✓' : '✗');
    return verdicts.length === 1 ? mark(verdicts[0]) : verdicts.map((v) => `${v.scale}× ${mark(v)}`).join(' · ');
  }

  heading(text) {
    this.lines.push('', `## ${text}`, '');
  }

  note(text) {
    this.lines.push(text, '');
  }

  table(head, rows) {
    this.lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) this.lines.push(`| ${row.join(' | ')} |`);
    this.lines.push('');
  }
}

function firstViewSection(out, data) {
  const runs = Object.keys(data.scales);
  out.heading('First view: bytes');
  out.note('Every response from navigation until the app rendered and the network idled 1 s, '
    + 'no throttling. Service workers are blocked (registration is a no-op), so sw.js and its '
    + 'precache downloads are not counted: only what the view itself needs. '
    + 'KB = 1024 bytes; gzip -9 and brotli q11 sizes are computed from the files on disk; '
    + 'transferred = brotli as served, headers included.');
  const rows = [];
  for (const page of Object.keys(PAGES)) {
    const view = (scale) => get(data.scales[scale], ['firstView', page]);
    const total = (scale, key) => get(view(scale), ['totals', key]);
    const gzipBy = (scale, kind) => {
      const files = get(view(scale), ['files']);
      return files ? files.filter((f) => kindOf(f.file) === kind).reduce((n, f) => n + (f.gzip ?? 0), 0) : null;
    };
    const gzipBudget = runs.includes('1')
      ? [out.check(`first view gzip total (${page})`, 1, total(1, 'gzip'), BUDGETS.firstViewGzipBytes1x)]
      : [];
    rows.push([PAGE_NAMES[page], 'requests', ...runs.map((s) => fmt.count(total(s, 'requests'))), '', '']);
    rows.push(['', 'raw KB', ...runs.map((s) => fmt.kb(total(s, 'raw'))), '', '']);
    rows.push(['', '**gzip KB**', ...runs.map((s) => fmt.kb(total(s, 'gzip'))), `≤ ${BUDGETS.firstViewGzipBytes1x / KB} at 1×`, Report.marks(gzipBudget)]);
    for (const kind of [...Object.values(FILE_KINDS), 'other']) {
      if (runs.every((s) => !gzipBy(s, kind))) continue;
      rows.push(['', `  of which ${kind}`, ...runs.map((s) => fmt.kb(gzipBy(s, kind))), '', '']);
    }
    rows.push(['', 'brotli KB', ...runs.map((s) => fmt.kb(total(s, 'br'))), '', '']);
    rows.push(['', 'transferred KB', ...runs.map((s) => fmt.kb(total(s, 'transferred'))), '', '']);
    if (runs.includes('1') && runs.length > 1) {
      const growth = (s) => (s === '1' ? null : ratio(total(s, 'gzip'), total(1, 'gzip')));
      const growthBudget = runs.includes('100')
        ? [out.check(`first view gzip growth 100×/1× (${page})`, 100, growth('100'), BUDGETS.firstViewGrowth100x)]
        : [];
      rows.push(['', 'gzip ÷ 1×', ...runs.map((s) => fmt.ratio(growth(s))), `≤ ${BUDGETS.firstViewGrowth100x}× at 100×`, Report.marks(growthBudget)]);
    }
  }
  out.table(['page', 'figure', ...out.scaleHeads(), 'budget', '✓/✗'], rows);
}

function timingSection(out, data) {
  const runs = Object.keys(data.scales);
  out.heading('First view: timings');
  out.note(`4× CPU, with and without Lighthouse's slow-4G DevTools profile (562.5 ms latency, `
    + `1.44 Mbit/s down); median of ${data.meta.runs} cold runs, ms from navigation start. `
    + '*app rendered*: the prerendered page replaced by the app; *interactive*: 制造业 typed into '
    + 'the search box as soon as the app rendered (home: home box + Enter; deep link: header '
    + 'search link, then the search box), until the first hit appeared.');
  const rows = [];
  for (const page of Object.keys(PAGES)) {
    for (const network of Object.keys(NETWORK_NAMES)) {
      const median = (scale, key) => get(data.scales[scale], ['timings', page, network, 'median', key]);
      const label = [PAGE_NAMES[page], NETWORK_NAMES[network]];
      rows.push([...label, 'first content', ...runs.map((s) => fmt.ms(median(s, 'fcpMs'))), '', '']);
      rows.push(['', '', 'app rendered', ...runs.map((s) => fmt.ms(median(s, 'renderedMs'))), '', '']);
      rows.push(['', '', '**interactive**', ...runs.map((s) => fmt.ms(median(s, 'interactiveMs'))), '', '']);
      if (runs.includes('1') && runs.length > 1) {
        const growth = (s) => (s === '1' ? null : ratio(median(s, 'interactiveMs'), median(1, 'interactiveMs')));
        const budget = runs.includes('100')
          ? [out.check(`interactive growth 100×/1× (${page}, ${network})`, 100, growth('100'), BUDGETS.interactiveGrowth100x)]
          : [];
        rows.push(['', '', 'interactive ÷ 1×', ...runs.map((s) => fmt.ratio(growth(s))), `≤ ${BUDGETS.interactiveGrowth100x}× at 100×`, Report.marks(budget)]);
      }
    }
  }
  out.table(['page', 'network', 'figure', ...out.scaleHeads(), 'budget', '✓/✗'], rows);
}

function searchSection(out, data) {
  const runs = Object.keys(data.scales);
  const search = (scale, path) => get(data.scales[scale], ['search', ...path]);
  const anyScale = runs.find((s) => search(s, ['keystrokes']) != null);
  out.heading('Search latency per keystroke');
  out.note(`4× CPU, no network throttling, on \`search/\`; ${anyScale ? search(anyScale, ['keystrokes']) : '–'} keystrokes over `
    + `${anyScale ? search(anyScale, ['queries']).length : '–'} queries (ASCII: one per character; Chinese: one IME commit per word), `
    + 'typed once the page\'s library holds every issue (*library complete*: beyond one issue, the other issues\' catalog '
    + 'is fetched and indexed after the app rendered), then a second of idle. '
    + '*compute*: the app\'s `cankao-search` User Timing measures after each keystroke, added up '
    + '(– until the app records them). *input to paint*: from the synthetic input event to the paint '
    + 'after the DOM changed (or the first paint when nothing changed). The trusted-input pass types the '
    + 'same keystrokes through the DevTools protocol afterwards (so it runs warm) and is what the Event '
    + 'Timing API can see; it reports input events of 16 ms or more only. Long tasks: the main thread\'s '
    + 'tasks over 50 ms, style, layout and paint included (from a trace; the Long Tasks API leaves rendering '
    + 'out), from a second after the app rendered to the end of the trusted pass (the catalog\'s loading, if it was still '
    + 'under way, included: its tasks come *before any input*; the unthrottled pass comes last and is not in them), '
    + 'each listed with what the box held after the last input event before the task ended (the probe marks '
    + 'every input event in the trace). *Compute without '
    + 'slow-down*: the same keystrokes typed again at the end with CPU throttling off; DevTools throttling '
    + 'stops the main thread for stretches at a time, so the same 1 ms search measures anywhere from 1 to 15 ms '
    + 'at 4× (the same keystroke repeated), and the p95 of such short measures is mostly the throttler\'s. '
    + '*A bare box (the floor)*: the same keystrokes typed and timed the same way at 4× CPU into a page of the '
    + 'same origin that holds only a text box and writes its value into one line of text: the wait for the next '
    + 'frame, the box\'s editing and one line laid out and painted: the least a page that shows something new '
    + 'on each keystroke takes under this measure.');
  const computeBudget = runs.filter((s) => BUDGETS.searchComputeP95Ms[s] != null)
    .map((s) => out.check('search compute p95 ms', s, search(s, ['computeMs', 'p95']), BUDGETS.searchComputeP95Ms[s]));
  const paintBudget = runs.includes('1')
    ? [out.check('input to paint p95 ms', 1, search(1, ['inputToPaintMs', 'p95']), BUDGETS.inputToPaintP95Ms1x)]
    : [];
  const longTaskBudget = runs.map((s) => out.check('longest task after load ms', s,
    search(s, ['longTasksAfterLoad']) ? (search(s, ['longTasksAfterLoad', 'maxMs']) ?? 0) : null, BUDGETS.longTaskMaxMs));
  const figure = (path, f = fmt.ms) => runs.map((s) => f(search(s, path)));
  const medianAndP95 = (spread) => `${fmt.ms(spread?.median)} / ${fmt.ms(spread?.p95)}`;
  const rows = [
    ['library complete, after the app rendered', ...figure(['libraryCompleteMs']), '', ''],
    ['compute median', ...figure(['computeMs', 'median']), '', ''],
    ['**compute p95**', ...figure(['computeMs', 'p95']), '≤ 2 at 1×, ≤ 10 at 100×', Report.marks(computeBudget)],
    ['compute without slow-down, median / p95', ...runs.map((s) => medianAndP95(search(s, ['unthrottledComputeMs']))), '', ''],
    ['input to paint median', ...figure(['inputToPaintMs', 'median']), '', ''],
    ['**input to paint p95**', ...figure(['inputToPaintMs', 'p95']), `≤ ${BUDGETS.inputToPaintP95Ms1x} at 1×`, Report.marks(paintBudget)],
    ['input to paint max', ...figure(['inputToPaintMs', 'max']), '', ''],
    ['keystrokes that changed nothing', ...figure(['keystrokesWithoutDomChange'], fmt.count), '', ''],
    ['input to paint when nothing changed, median / p95', ...runs.map((s) => medianAndP95(search(s, ['inputToPaintWithoutDomChangeMs']))), '', ''],
    ['a bare box (the floor): input to paint median / p95', ...runs.map((s) => medianAndP95(get(data.scales[s], ['inputFloor', 'inputToPaintMs']))), '', ''],
    ['trusted input: to paint p95', ...figure(['trustedInput', 'inputToPaintMs', 'p95']), '', ''],
    ['trusted input: Event Timing ≥ 16 ms', ...runs.map((s) => {
      const n = search(s, ['trustedInput', 'eventTiming', 'entriesOver16Ms']);
      return n == null ? '–' : `${n} of ${search(s, ['trustedInput', 'keystrokes'])}`;
    }), '', ''],
    ['trusted input: Event Timing max', ...figure(['trustedInput', 'eventTiming', 'maxDurationMs']), '', ''],
    ['long tasks after load', ...figure(['longTasksAfterLoad', 'count'], fmt.count), '', ''],
    ['**longest task after load**', ...figure(['longTasksAfterLoad', 'maxMs']), `none over ${BUDGETS.longTaskMaxMs}`, Report.marks(longTaskBudget)],
    ['long tasks: ms (the input before)', ...figure(['longTasksAfterLoad', 'tasks'], fmt.longTasks), '', ''],
  ];
  out.table(['figure (ms)', ...out.scaleHeads(), 'budget', '✓/✗'], rows);

  if (!anyScale) return;
  const perQuery = search(anyScale, ['queries']).map((q, i) => {
    const query = (s, path) => get(search(s, ['queries', i]), path);
    return [
      `\`${q.query}\``, String(q.keystrokes.length),
      ...runs.map((s) => fmt.ms(query(s, ['inputToPaintMs', 'p95']))),
      ...runs.map((s) => fmt.ms(query(s, ['computeMs', 'p95']))),
    ];
  });
  out.note('Per query (p95 over its keystrokes):');
  out.table(['query', 'keys', ...runs.map((s) => `to paint ${s}×`), ...runs.map((s) => `compute ${s}×`)], perQuery);
}

function memorySection(out, data) {
  const runs = Object.keys(data.scales);
  const memory = (scale, key) => get(data.scales[scale], ['memory', key]);
  out.heading('Memory on home after load');
  out.note('No throttling; the app rendered, then 1 s idle. The wasm linear memory is read from the '
    + 'instance Trunk reports at start-up.');
  out.table(['figure (MB)', ...out.scaleHeads()], [
    ['JS heap used', ...runs.map((s) => fmt.mb(memory(s, 'jsHeapUsedBytes')))],
    ['JS heap used after GC', ...runs.map((s) => fmt.mb(memory(s, 'jsHeapUsedAfterGcBytes')))],
    ['JS heap total', ...runs.map((s) => fmt.mb(memory(s, 'jsHeapTotalBytes')))],
    ['wasm memory', ...runs.map((s) => fmt.mb(memory(s, 'wasmMemoryBytes')))],
  ]);
}

function lighthouseSection(out, data) {
  const runs = Object.keys(data.scales);
  out.heading('Lighthouse (mobile)');
  out.note(`Lighthouse ${data.meta.lighthouse} defaults: mobile, simulated slow 4G and 4× CPU; the median `
    + `of ${data.meta.lighthouseRuns} run(s) by performance score. Metrics in ms (CLS unitless). `
    + 'Lighthouse does not block the service worker: it registers and precaches as on a real first visit. '
    + '*CPU benchmark index*: Lighthouse\'s measure of the machine\'s speed at each run, every run listed '
    + '(higher is faster; Lighthouse warns below 1000). Its simulated throttling multiplies the tasks it '
    + 'observed, so a slow stretch of the machine raises TBT and lowers the score with the page unchanged.');
  const rows = [];
  const misses = [];
  for (const page of Object.keys(PAGES)) {
    const median = (scale) => get(data.scales[scale], ['lighthouse', page, 'median']);
    Object.entries(BUDGETS.lighthouseMin).forEach(([category, min], i) => {
      const verdicts = runs.map((s) => out.check(`Lighthouse ${category} (${page})`, s, get(median(s), ['scores', category]), min, 'atLeast'));
      rows.push([i === 0 ? PAGE_NAMES[page] : '', `**${category}**`, ...runs.map((s) => fmt.count(get(median(s), ['scores', category]))),
        min === 100 ? '100' : `≥ ${min}`, Report.marks(verdicts)]);
    });
    for (const [key, label, f] of [['fcpMs', 'FCP', fmt.ms], ['lcpMs', 'LCP', fmt.ms], ['tbtMs', 'TBT', fmt.ms], ['cls', 'CLS', fmt.cls], ['siMs', 'Speed Index', fmt.ms]]) {
      rows.push(['', label, ...runs.map((s) => f(get(median(s), ['metrics', key]))), '', '']);
    }
    const indices = (scale) => (get(data.scales[scale], ['lighthouse', page, 'runs']) ?? [])
      .map((run) => fmt.count(run.benchmarkIndex == null ? null : Math.round(run.benchmarkIndex))).join(' / ') || '–';
    rows.push(['', 'CPU benchmark index', ...runs.map(indices), '', '']);
    for (const s of runs) {
      for (const [category, audits] of Object.entries(get(median(s), ['failedAudits']) ?? {})) {
        if (audits.length) misses.push(`- ${PAGE_NAMES[page]}, ${s}×, ${category}: ${audits.map((a) => a.title).join('; ')}`);
      }
    }
  }
  out.table(['page', 'figure', ...out.scaleHeads(), 'budget', '✓/✗'], rows);
  if (misses.length) out.note(['Failed audits in the median runs:', ...misses].join('\n'));
}

function errorsSection(out, data) {
  const errors = [];
  for (const [scale, result] of Object.entries(data.scales)) {
    for (const { where, error } of result.errors ?? []) errors.push(`- ${scale}×, ${where}: ${error}`);
  }
  if (errors.length === 0) return;
  out.heading('Errors');
  out.note(errors.join('\n'));
}

/** The budget verdicts and the markdown for the measurements in `data` ({ meta, scales }). */
export function renderReport(data) {
  const out = new Report(Object.keys(data.scales));
  const { meta } = data;
  const sections = [firstViewSection, timingSection, searchSection, memorySection, lighthouseSection, errorsSection];
  for (const section of sections) section(out, data);

  const met = out.budgets.filter((b) => b.pass === true).length;
  const missed = out.budgets.filter((b) => b.pass === false).length;
  const corpus = Object.entries(data.scales)
    .map(([s, r]) => `${s}× ${r.corpus ? `${r.corpus.issues} issue(s), ${r.corpus.items} items (built ${r.builtAt.slice(0, 16).replace('T', ' ')} UTC)` : '(no dist)'}`)
    .join('; ');
  const header = [
    '# Cankao benchmark',
    '',
    `${meta.date} · commit \`${meta.commit.slice(0, 12)}\`${meta.dirty ? ' (uncommitted changes)' : ''} · `
      + `${meta.nproc} cores (${meta.cpu}) · Chromium ${meta.chromium} · node ${meta.node}`,
    '',
    `Corpus: ${corpus}. Budgets: ${met} met, ${missed} missed, ${out.budgets.length - met - missed} not measured `
      + '(reported, never enforced).',
  ];
  return { budgets: out.budgets, markdown: [...header, ...out.lines].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n' };
}
