// Issue 7: any static host and sub-path, content before scripts, mobile, offline, accessible.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { closeApp, openApp } from './support/app.mjs';
import { DESKTOP, PHONE, isCompileFallback } from './support/browser.mjs';
import { AppPage, PolicyListPage } from './pages/app.mjs';

const WECHAT = 'from=singlemessage&isappinstalled=0';
const SUB = '/shared/policy-library/cankao/';
let server;
let chromium;
let corpus;
before(async () => ({ server, chromium, corpus } = await openApp({ mount: SUB })));
after(() => closeApp({ server, chromium }));

/** Every view of the app: the static routes and one item of each kind. */
function views() {
  const issue = corpus.issues.at(-1);
  return [
    '', 'policies/', 'search/?q=数字化', 'problems/', 'experts/', 'experience/', 'articles/', 'clues/',
    'compare/', 'map/', 'matrix/', 'timeline/', 'saved/',
    `policy/${issue.policies[0].id}/`, `article/${issue.articles[0].id}/`,
    `expert/${issue.recommendations[0].id}/`, `problem/${issue.problems[0].id}/`,
    `experience/${issue.experiences[0].id}/`, `clue/${issue.clues[0].id}/`, `news/${issue.news[0].id}/`,
  ];
}

const withWechat = (path) => path + (path.includes('?') ? '&' : '?') + WECHAT;

test('every deep link opens cold from a sub-folder of a plain static server, with WeChat parameters', async () => {
  const page = await chromium.newPage(DESKTOP);
  const hrefs = new Set();
  for (const path of views()) {
    page.errors.length = 0;
    const view = await new AppPage(page, server.base).open(withWechat(path));
    assert.ok(await view.prerenderGone(), path);
    assert.equal(await page.locator('#app [data-testid="not-found"]').count(), 0, `${path} shows not-found`);
    assert.deepEqual(page.errors, [], path);
    for (const h of await page.locator('#app a[href]').evaluateAll((as) => as.map((a) => a.href))) hrefs.add(h);
  }
  // Links inside the app stay under the sub-folder, and name a view's folder with its slash:
  // a host answers `compare?…` with a redirect to `compare/?…`, a round trip a phone waits for.
  const inApp = [...hrefs].filter((h) => h.startsWith(server.origin));
  assert.ok(inApp.length > 100, `${inApp.length} links`);
  assert.deepEqual(inApp.filter((h) => !h.startsWith(server.base)), []);
  assert.deepEqual(inApp.filter((h) => !new URL(h).pathname.endsWith('/')), []);
  await page.context().close();
});

test('under a sub-folder, a filter, a sort, the list’s search and the home search keep the sub-folder once', async () => {
  const page = await chromium.newPage(PHONE);
  const home = await new AppPage(page, server.base).open('');
  await home.testid('home-search').fill('数字化');
  await home.testid('home-search').press('Enter');
  await page.waitForURL((url) => url.pathname.includes('search'));
  assert.match(home.relativeUrl(), /^search\/\?q=/);
  await home.testid('search-page').waitFor();
  const list = await new PolicyListPage(page, server.base).open('policies/');
  await list.openFilters();
  await list.facet('level', 'provincial').click();
  await page.waitForURL((url) => url.search.includes('level=provincial'));
  assert.match(list.relativeUrl(), /^policies\/\?level=provincial/);
  await list.closeFilters();
  await list.search('制造');
  await page.waitForURL((url) => url.search.includes('q='));
  assert.match(list.relativeUrl(), /^policies\/\?/);
  assert.equal(await page.locator('#app [data-testid="not-found"]').count(), 0);
  // The address opens the same view cold.
  const url = page.url();
  const count = await list.resultCount().textContent();
  await list.open(url.slice(server.base.length));
  assert.equal(await list.resultCount().textContent(), count);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a deep link carries its title and summary in the HTML, without running scripts', async () => {
  const policy = corpus.policies.find((p) => p.doc_number === '粤府〔2021〕53号');
  const html = await (await fetch(`${server.base}policy/${policy.id}/?${WECHAT}`)).text();
  assert.ok(html.includes(`<title>${policy.short_title} · 参考</title>`));
  assert.ok(html.includes(`data-testid="policy-summary">${policy.summary}</p>`));
  assert.ok(html.includes(policy.doc_number));
  assert.match(html, /<meta property="og:title" content="[^"]+">/);
  // No canonical link unless the build knows its host (CANKAO_SITE_URL): it must be absolute.
  assert.doesNotMatch(html, /rel="canonical"/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);

  // And a reader without JavaScript sees it.
  const context = await chromium.browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.base}policy/${policy.id}/`);
  assert.equal(await page.locator('[data-testid="policy-summary"]').textContent(), policy.summary);
  await context.close();
});

test('without JavaScript, every list of items is there to read and follow', async () => {
  const issue = corpus.issues.at(-1);
  const lists = [['policies/', issue.policies], ['problems/', issue.problems], ['experts/', issue.recommendations],
    ['experience/', issue.experiences], ['articles/', issue.articles], ['clues/', [...issue.clues, ...issue.news]]];
  const context = await chromium.browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, items] of lists) {
    await page.goto(`${server.base}${path}`);
    const hrefs = await page.locator('#prerender main a').evaluateAll((as) => as.map((a) => a.href));
    assert.equal(hrefs.length, items.length, path);
    for (const item of items) assert.ok(hrefs.some((h) => h.endsWith(`/${item.id}/`)), `${path} ${item.id}`);
    // The link preview says how many there are.
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.match(description, new RegExp(`共 ${items.length} 项`), path);
  }
  await context.close();
});

test('an unknown link on a host that serves 404.html shows a helpful not-found page', async () => {
  const notFound = readFileSync(join(server.root, SUB, '404.html'), 'utf8');
  // An unknown id, two unknown folders, and a mistyped route name (no route name in the path).
  for (const path of ['policy/no-such-policy/', 'nope/deeper/', 'polcy/yuefu-2021-53/']) {
    const page = await chromium.newPage(PHONE);
    // The host answers a page it does not have with 404.html; files it lacks get a plain 404.
    await page.route(`**${SUB}${path}**`, (route) => (route.request().resourceType() === 'document'
      ? route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound })
      : route.continue()));
    await page.goto(`${server.base}${path}?${WECHAT}`);
    const view = page.locator('#app [data-testid="not-found"]');
    await view.waitFor();
    // Its links lead back into the app under the sub-folder.
    const home = await view.locator('a').first().evaluate((a) => a.href);
    assert.equal(home, server.base, path);
    assert.deepEqual(page.errors.filter((e) => !e.includes('404')), [], path);
    await page.context().close();
  }
});

test('on a phone the header marks the reader’s section and scrolls it into view', async () => {
  const page = await chromium.newPage(PHONE);
  const app = new AppPage(page, server.base);
  const policy = corpus.issues.at(-1).policies[0];
  for (const [path, section] of [['saved/', 'saved'], ['map/', 'map'], [`policy/${policy.id}/`, 'policies'], ['', null]]) {
    await app.open(path);
    const marked = await page.locator('#app .top nav a[aria-current="page"]').evaluateAll((as) =>
      as.map((a) => a.dataset.testid));
    assert.deepEqual(marked, section ? [`nav-${section}`] : [], path);
    if (!section) continue;
    // The entry lies inside the strip's visible part (the strip scrolls, the page does not).
    await page.waitForFunction((id) => {
      const nav = document.querySelector('#app .top nav').getBoundingClientRect();
      const a = document.querySelector(`#app [data-testid="${id}"]`).getBoundingClientRect();
      return a.left >= nav.left - 1 && a.right <= nav.right + 1;
    }, `nav-${section}`);
    assert.equal(await page.evaluate(() => scrollY), 0, path);
  }
  // Going to another section by the header moves the mark.
  await app.testid('nav-compare').click();
  await app.testid('compare-page').waitFor();
  assert.equal(await app.testid('nav-compare').getAttribute('aria-current'), 'page');
  assert.equal(await app.testid('nav-map').getAttribute('aria-current'), null);
  await page.context().close();
});

/** The policy with the longest 文号: the widest word a page holds. */
function longestNumbered() {
  return corpus.issues.at(-1).policies
    .reduce((a, b) => ((b.doc_number ?? '').length > (a.doc_number ?? '').length ? b : a));
}

test('at 360×740, and at 320 px in English (longer words), no view is wider than the screen', async () => {
  for (const [width, lang] of [[360, 'zh'], [320, 'en']]) {
    const page = await chromium.newPage({ ...PHONE, viewport: { width, height: 740 } });
    if (lang === 'en') {
      await new AppPage(page, server.base).open('');
      await new AppPage(page, server.base).testid('lang-toggle').click();
    }
    for (const path of [...views(), `policy/${longestNumbered().id}/`]) {
      await new AppPage(page, server.base).open(path);
      await page.waitForTimeout(50);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${lang} ${path} is ${wide}px wide at ${width}`);
    }
    await page.context().close();
  }
  // A reader who sets the phone's text twice as large: document numbers wrap, nothing widens.
  const page = await chromium.newPage(PHONE);
  for (const path of views()) {
    await new AppPage(page, server.base).open(path);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await page.waitForTimeout(50);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `${path} is ${wide}px wide at 360 with text at 200%`);
  }
  await page.context().close();
});

test('at 360×740 no document number, figure, place name or table heading is broken inside a word, in either language', async () => {
  const page = await chromium.newPage(PHONE);
  const paths = [...views(), `policy/${longestNumbered().id}/`, 'map/?city=dongguan',
    'compare/?cmp=guangdong~jiangsu~zhejiang', 'compare/?ind=industrial_value_added&cmp=jiangsu~guangdong'];
  const broken = [];
  for (const lang of ['zh', 'en']) {
    if (lang === 'en') await new AppPage(page, server.base).testid('lang-toggle').click();
    for (const path of paths) {
      await new AppPage(page, server.base).open(path);
      await page.waitForTimeout(50);
      // A word laid out on two lines has a client rect on each line. A word is text between
      // spaces, but a column heading or an indicator's name in Chinese may wrap between its
      // characters: there, only Latin words and numbers count.
      const found = await page.locator('#app .docno, #app .cx-fig-value, #app .cx-map-table th, #app .cx-map-table td, #app .compare-multi tbody th')
        .evaluateAll((els) => els.flatMap((el) => {
          const word = el.closest('thead') || el.closest('.compare-multi') ? /[A-Za-z0-9'’]+/g : /\S+/g;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const words = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(word)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) words.push(`${m[0]} (in “${el.textContent.trim()}”)`);
            }
          }
          return words;
        }));
      broken.push(...found.map((w) => `${lang} ${path}: ${w}`));
    }
  }
  assert.deepEqual(broken, []);
  await page.context().close();
});

test('touch targets in the header and on a policy page are at least 44px', async () => {
  const page = await chromium.newPage(PHONE);
  const policy = corpus.policies[0];
  await new AppPage(page, server.base).open(`policy/${policy.id}/`);
  const small = await page.locator('#app header a, #app header button, #app [data-testid="share"] button, #app .title-row button')
    .evaluateAll((els) => els.map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44)).map(([t, r]) => `${t} ${r.width}×${r.height}`));
  assert.deepEqual(small, []);
  await page.context().close();
});

test('after a first visit the app and every deep link open offline', async () => {
  const context = await chromium.browser.newContext({ ...PHONE });
  const page = await context.newPage();
  // The wasm's compile worker, its script and its fetch too, are served from the cache: the page
  // never has to fall back to compiling the wasm itself.
  const compileFallbacks = [];
  page.on('console', (m) => { if (isCompileFallback(m)) compileFallbacks.push(m.text()); });
  await new AppPage(page, server.base).open('');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active.state;
  });
  // The worker precached the app and the corpus; go offline and open links never visited.
  await context.setOffline(true);
  const policy = corpus.policies.at(-1);
  // A comparison too: the shell the worker serves starts the full module for it.
  for (const path of [`policy/${policy.id}/?${WECHAT}`, 'policies/?level=municipal', `problem/${corpus.issues[0].problems[1].id}/`, 'compare/?ind=industrial_value_added']) {
    const view = await new AppPage(page, server.base).open(path);
    assert.equal(await page.locator('#app [data-testid="load-error"]').count(), 0, path);
    assert.equal(await page.locator('#app [data-testid="not-found"]').count(), 0, path);
    if (path.startsWith('policy/')) assert.equal(await view.testid('policy-title').textContent(), policy.short_title);
    if (path.startsWith('compare/')) await view.testid('compare-page').waitFor();
  }
  assert.deepEqual(compileFallbacks, []);
  await context.close();
});

test('a new corpus on the server is picked up on the next online visit, and the reader is told', async () => {
  const context = await chromium.browser.newContext({ ...DESKTOP });
  const page = await context.newPage();
  await new AppPage(page, server.base).open('');
  assert.equal(await page.locator('#app [data-testid="data-updated"]').count(), 0);
  // The server now has a different corpus: same data under a new version name.
  const manifestPath = join(server.root, SUB, 'data/manifest.json');
  const original = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(original);
  const entry = manifest.issues[0];
  const renamed = entry.file.replace(/\.([0-9a-f]{10})\.json$/, '.0123456789.json');
  const { copyFileSync, writeFileSync } = await import('node:fs');
  copyFileSync(join(server.root, SUB, 'data', entry.file), join(server.root, SUB, 'data', renamed));
  entry.file = renamed;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  try {
    await page.reload();
    await page.locator('#app [data-testid="data-updated"]').waitFor();
  } finally {
    writeFileSync(manifestPath, original);
  }
  await context.close();
});

test('the interface switches to English and remembers it; the text size control too', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('policies/');
  await app.testid('lang-toggle').click();
  await page.locator('#app h1', { hasText: 'Policy documents' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await app.testid('size-toggle').getAttribute('aria-label'), 'Text size (now 100%)');
  await app.testid('size-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'large');
  // A screen reader hears the size it is now, as the eye sees A+.
  assert.equal(await app.testid('size-toggle').getAttribute('aria-label'), 'Text size (now 120%)');
  await page.reload();
  await page.locator('#app h1', { hasText: 'Policy documents' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.size), 'large');
  // The home page gives the issue's title in English too, under the source's, as ours.
  await app.open('');
  assert.match(await app.testid('issue-title-en').textContent(), /^Proposals on .+ \(our translation\)$/);
  await app.testid('lang-toggle').click();
  await page.locator('#app h1', { hasText: '关于坚持制造业当家' }).waitFor();
  assert.equal(await app.testid('issue-title-en').isVisible(), false);
  await page.context().close();
});

test('a link may ask for the English interface; the reader’s own choice is kept', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('policies/?lang=en&level=central');
  await page.locator('#app h1', { hasText: 'Policy documents' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The filter in the same link still applies.
  assert.match(await app.testid('result-count').textContent(), /^\d+ policy documents$/);
  // Opened again without it, the page is in the reader's language (Chinese, never switched).
  await app.open('policies/');
  await page.locator('#app h1', { hasText: '政策文件' }).waitFor();
  await page.context().close();
});

test('a link sent from the English interface opens in English for its receiver, who keeps their own choice', async () => {
  const context = await chromium.browser.newContext({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => { delete Navigator.prototype.share; });
  const page = await context.newPage();
  const app = await new AppPage(page, server.base).open(`policy/${corpus.issues[0].policies[0].id}/`);
  await app.testid('lang-toggle').click();
  await page.locator('#app [data-testid="share"]', { hasText: 'Copy link' }).waitFor();
  await app.testid('copy-link').click();
  await app.testid('copy-status').getByText('Link copied').waitFor();
  const link = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[1];
  assert.equal(new URL(link).searchParams.get('lang'), 'en');
  // The receiver, who never switched, reads it in English; their next page is in Chinese.
  const receiver = await chromium.newPage(PHONE);
  await receiver.goto(link);
  await receiver.locator('#app [data-testid="share"]', { hasText: 'Copy link' }).waitFor();
  await new AppPage(receiver, server.base).open('policies/');
  await receiver.locator('#app h1', { hasText: '政策文件' }).waitFor();
  await receiver.context().close();
  await context.close();
});

test('in English, places have English names, and every city’s name fits its tile on the map at 320 px', async () => {
  const page = await chromium.newPage({ ...PHONE, viewport: { width: 320, height: 740 } });
  const app = await new AppPage(page, server.base).open('policy/yuefu-2021-53/?lang=en');
  await page.locator('#app .kicker', { hasText: 'Guangdong' }).waitFor();
  await app.open('map/?lang=en&city=dongguan');
  await page.locator('#city-heading', { hasText: 'Dongguan' }).waitFor();
  const tiles = await page.locator('#app .cx-tile').evaluateAll((els) => els.map((el) => {
    const name = el.querySelector('.cx-tile-name');
    return {
      name: name.textContent,
      // Laid out wider than the tile, a name is cut by its border.
      fits: name.getBoundingClientRect().width <= el.clientWidth,
    };
  }));
  assert.equal(tiles.length, 21);
  assert.ok(tiles.some((t) => t.name === 'Guangzhou'), tiles.map((t) => t.name).join(' '));
  assert.deepEqual(tiles.filter((t) => !t.fits || /[\u4e00-\u9fff]/.test(t.name)), []);
  await app.open('compare/?lang=en&cmp=guangdong~jiangsu');
  await page.locator('#app [data-testid="compare-table"] th', { hasText: 'Jiangsu' }).first().waitFor();
  await page.context().close();
});

test('in English, figures are given in English units and words, on the comparison, its chart and a policy page', async () => {
  const figures = corpus.issues.flatMap((i) => i.figures);
  const jiangsu = figures.find((f) => f.indicator === 'industrial_value_added' && f.region === 'jiangsu' && f.period === '2022');
  assert.equal(`${jiangsu.value} ${jiangsu.unit}`, '48593.6 亿元');
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?lang=en&ind=industrial_value_added&period=2022');
  const value = page.locator(`#app #fig-${jiangsu.id} .cx-fig-value`);
  await value.waitFor();
  // 亿 is a hundred million: the source's digits moved one place, nothing rounded.
  assert.equal(await value.textContent(), '4,859.36 billion yuan');
  await page.locator('#app p.meta', { hasText: 'Unit: billion yuan' }).first().waitFor();
  const han = /[\u3400-\u9fff]/;
  const values = await page.locator('#app .cx-fig-value').allTextContents();
  assert.ok(values.length >= 6);
  assert.deepEqual(values.filter((v) => han.test(v)), []);
  // A policy's figures of its region.
  await app.open('policy/yuefu-2021-53/?lang=en');
  const listed = page.locator('#app [data-testid="figure"] .value');
  await listed.first().waitFor();
  const texts = await listed.allTextContents();
  assert.deepEqual(texts.filter((v) => han.test(v)), []);
  assert.ok(texts.some((v) => / (billion|trillion) yuan$/.test(v)), texts.join(' | '));
  // The corpus's Chinese is marked as Chinese on an English page, so a screen reader reads it
  // in a Chinese voice: the title, the issuers and the summary.
  const langOf = (testid) => page.locator(`#app [data-testid="${testid}"]`).evaluate((e) => e.closest('[lang]').lang);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  for (const testid of ['policy-title', 'policy-summary', 'policy-heading']) assert.equal(await langOf(testid), 'zh-CN', testid);
  // An editors' note under its article's paragraph names the figure in English too.
  const shandong = figures.find((f) => f.note && f.indicator === 'industrial_value_added');
  await app.open(`article/${shandong.item}/?lang=en`);
  const note = page.locator(`#app p:has([data-figure="${shandong.id}"]) + [data-testid="figure-note"]`);
  await note.waitFor();
  assert.equal(await note.textContent(), `Editors' note (2,387.39 billion yuan): ${shandong.note.en}`);
  // The article's text is Chinese; the note in it is in the interface's language.
  assert.equal(await langOf('item-body'), 'zh-CN');
  assert.equal(await note.evaluate((e) => e.closest('[lang]').lang), 'en');
  // A clue's headings are ours, in English, inside its Chinese text.
  await app.open(`clue/${corpus.issues[0].clues[0].id}/?lang=en`);
  const heading = page.locator('#app [data-testid="item-body"] h2').first();
  assert.equal(await heading.textContent(), 'Background');
  assert.equal(await heading.evaluate((e) => e.closest('[lang]').lang), 'en');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe-core reports no WCAG 2.1 AA violations on any view', async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // A phone set to dark mode too: its colours are a palette of their own.
  for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE], ['phone, dark', { ...PHONE, colorScheme: 'dark' }]]) {
    // axe is injected as a script: let it past the page's Content-Security-Policy.
    const context = await chromium.browser.newContext({ ...device, bypassCSP: true });
    const page = await context.newPage();
    const failures = [];
    for (const path of views()) {
      await new AppPage(page, server.base).open(path);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      for (const v of result.violations) {
        failures.push(`${name} ${path}: ${v.id} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    await context.close();
    assert.deepEqual(failures, []);
  }
});

test('the skip link and every new page put the keyboard in the page\'s content, under a sub-folder too', async () => {
  const issue = corpus.issues.at(-1);
  const page = await chromium.newPage(DESKTOP);
  const path = `policy/${issue.policies[0].id}/`;
  const app = await new AppPage(page, server.base).open(path);
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 });
  // The skip link stays on the page (the base URL would make `#main` the home page's).
  assert.equal(app.relativeUrl(), path);
  await app.testid('policy-title').waitFor();
  // A page reached from the header: the focus leaves the header for the new page's content.
  await app.testid('nav-problems').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname.endsWith('problems/'));
  await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 });
  // A filter changes the view, not the page: the focus stays on the control that set it.
  await app.open('policies/');
  const facet = page.locator('#app [data-testid^="facet-level-"]').first();
  await facet.focus();
  await page.keyboard.press('Space');
  await page.waitForURL((u) => u.search.includes('level='));
  await page.waitForTimeout(300);
  assert.equal(await focused(), 'INPUT');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link to a page\'s index.html opens that page, its folder in the address bar', async () => {
  const issue = corpus.issues.at(-1);
  const page = await chromium.newPage(PHONE);
  const path = `policy/${issue.policies[0].id}/`;
  const app = await new AppPage(page, server.base).open(`${path}index.html?${WECHAT}`);
  assert.equal(await app.testid('not-found').count(), 0);
  assert.equal(await app.testid('policy-title').textContent(), issue.policies[0].short_title);
  assert.equal(app.relativeUrl(), `${path}?${WECHAT}`);
  await app.open('index.html');
  await app.testid('highlights').waitFor();
  assert.equal(app.relativeUrl(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in English, every piece of the source’s Chinese is marked as Chinese, so screen readers voice it so', async () => {
  const page = await chromium.newPage(PHONE);
  const unmarked = [];
  for (const path of views()) {
    await new AppPage(page, server.base).open(path + (path.includes('?') ? '&' : '?') + 'lang=en');
    await page.waitForTimeout(50);
    const found = await page.locator('#app main').evaluate((main) => {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      const out = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!/[\u4e00-\u9fff]/.test(node.data) || node.parentElement.closest('[hidden]')) continue;
        if (!node.parentElement.closest('[lang]')?.lang.startsWith('zh')) out.push(`${node.parentElement.tagName}.${node.parentElement.className}: ${node.data.trim().slice(0, 20)}`);
      }
      return out;
    });
    unmarked.push(...found.slice(0, 3).map((f) => `${path} ${f} (${found.length} in all)`));
  }
  assert.deepEqual(unmarked, []);
  await page.context().close();
});
