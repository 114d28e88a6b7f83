// Issues 5 and 6: the comparison, the map, and the views that connect problems to answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeApp, openApp } from './support/app.mjs';
import { DESKTOP, PHONE } from './support/browser.mjs';
import { AppPage } from './pages/app.mjs';

let server;
let chromium;
let corpus;
before(async () => ({ server, chromium, corpus } = await openApp()));
after(() => closeApp({ server, chromium }));

const SIX = ['jiangsu', 'guangdong', 'zhejiang', 'shandong', 'henan', 'sichuan'];

/** How many pixels of a canvas are not the background (read back from the page). */
async function paintedPixels(canvas) {
  return canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 30) n += 1;
    }
    return n;
  });
}

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a comparison link opens cold with a drawn chart and the table's values (${name})`, async () => {
    const page = await chromium.newPage(device);
    const app = await new AppPage(page, server.base).open(
      `compare/?ind=industrial_value_added&cmp=${SIX.join('~')}&period=2022&from=singlemessage`);
    const canvas = app.testid('compare-chart');
    await canvas.waitFor();
    await page.waitForFunction(() => {
      const c = document.querySelector('#app [data-testid="compare-chart"]');
      return c && c.width > 0;
    });
    assert.ok(await paintedPixels(canvas) > 1000, 'the canvas is not blank');
    // Sharp on high-density screens: the backing store is CSS size × devicePixelRatio.
    const { w, css, dpr } = await canvas.evaluate((c) => ({ w: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio }));
    assert.ok(Math.abs(w - css * dpr) <= dpr, `${w} vs ${css}×${dpr}`);
    // Every value in the table is the corpus figure.
    const figures = corpus.issues.flatMap((i) => i.figures)
      .filter((f) => f.indicator === 'industrial_value_added' && f.period === '2022' && SIX.includes(f.region));
    assert.equal(figures.length, 6);
    for (const f of figures) {
      const cell = await app.testid(`compare-value-${f.region}`).first().textContent();
      assert.ok(cell.replace(/[,\s]/g, '').includes(String(f.value)), `${f.region}: ${cell} vs ${f.value}`);
    }
    // A value taps through to its verbatim sentence and item.
    const f = figures.find((x) => x.region === 'guangdong');
    await app.testid('compare-value-guangdong').first().locator('summary, button, a').first().click();
    const source = app.testid(`compare-source-${f.id}`);
    await source.waitFor();
    assert.ok((await page.locator('#app').textContent()).includes(f.sentence.slice(0, 12)));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a district’s or an industry’s figure says so, and a bounded one keeps its bound, wherever regions are compared', async () => {
  // 深圳's 6759 high-tech enterprises are 宝安区's; 东莞's 1843 above-size enterprises are the
  // smart-terminal cluster's; 深圳's 100 is 超过 100 家.
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?cmp=guangzhou~shenzhen~zhuhai~foshan~dongguan');
  await app.testid('compare-page').waitFor();
  await page.locator('#app .cx-fig').first().waitFor();
  const squash = (t) => t.replace(/\s+/g, '');
  const shown = await page.locator('#app details.cx-fig').evaluateAll((els) =>
    els.map((el) => ({ id: el.id.replace(/^fig-/, ''), summary: el.querySelector('summary').textContent })));
  const figures = new Map(corpus.issues.flatMap((i) => i.figures).map((f) => [f.id, f]));
  const scoped = shown.filter((s) => figures.get(s.id)?.scope);
  assert.ok(scoped.length >= 10, `${scoped.length} scoped figures in the table`);
  for (const { id, summary } of shown) {
    const f = figures.get(id);
    if (f.scope) assert.ok(summary.includes(f.scope.zh), `${id}: “${summary}” lacks ${f.scope.zh}`);
    if (f.bounded) assert.ok(squash(summary).includes(squash(f.bounded)), `${id}: “${summary}” lacks ${f.bounded}`);
  }
  const baoan = shown.find((s) => s.id === '2023-zhizao-f120');
  assert.ok(baoan && baoan.summary.includes('宝安区'), JSON.stringify(baoan));
  // The city panel of the map says the same; a link naming the city opens on its panel (below
  // the map, off the phone's first screen).
  await app.open('map/?city=dongguan');
  const panel = page.locator('#app #fig-2023-zhizao-f154 summary');
  await panel.waitFor();
  await page.waitForFunction(() => {
    const h = document.activeElement;
    return h?.id === 'city-heading' && h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().bottom <= innerHeight;
  });
  assert.ok((await panel.textContent()).includes('智能终端产业集群'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a figure the source contradicts is marked where it is compared, and its article gives the note under its paragraph', async () => {
  // 山东's 23873.9 亿元 does not agree with the source's own gap to 江苏 (19854.6 亿元).
  const figures = corpus.issues.flatMap((i) => i.figures);
  const noted = figures.filter((f) => f.note);
  assert.ok(noted.length >= 1);
  const shandong = noted.find((f) => f.indicator === 'industrial_value_added');
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?ind=industrial_value_added&period=2022');
  const summary = page.locator(`#app #fig-${shandong.id} summary`);
  await summary.waitFor();
  assert.equal(await page.locator(`#app #fig-${shandong.id} [data-testid="figure-note-mark"]`).count(), 1);
  // Only the noted figures are marked.
  assert.equal(await page.locator('#app [data-testid="figure-note-mark"]').count(),
    noted.filter((f) => f.indicator === 'industrial_value_added' && f.period === '2022').length);
  await summary.click();
  assert.equal(await page.locator(`#app #fig-${shandong.id} [data-testid="figure-note"]`).textContent(),
    `编者注：${shandong.note.zh}`);
  // In the article, the note follows the paragraph that gives the figure.
  await app.open(`article/${shandong.item}/`);
  const line = page.locator(`#app p:has([data-figure="${shandong.id}"]) + [data-testid="figure-note"]`);
  await line.waitFor();
  assert.equal(await line.textContent(), `编者注（23873.9 亿元）：${shandong.note.zh}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone the region picker stays open while regions are tapped one after another, and stays closed once closed', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/');
  // A region's button is spoken with its count apart (广东：29 条数字), and the headings go
  // down one level at a time.
  await page.locator('#app').getByRole('button', { name: /^广东\s*：\s*\d+\s*条数字$/ }).waitFor();
  const levels = await page.locator('#app :is(h1, h2, h3, h4)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  assert.deepEqual(levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1), [], levels.join(' '));
  // Nothing to clear yet.
  assert.equal(await app.testid('compare-clear-regions').count(), 0);
  await app.testid('compare-region-guangdong').click();
  await page.waitForURL(/cmp=guangdong/);
  await app.testid('compare-clear-regions').waitFor();
  // Drawn again with 广东 chosen, the picker is still open under the reader's finger.
  await app.testid('compare-region-jiangsu').click({ timeout: 3000 });
  await page.waitForURL(/cmp=guangdong~jiangsu/);
  await app.testid('compare-regions-summary').click();
  await app.testid('compare-region-jiangsu').waitFor({ state: 'hidden' });
  await app.open('compare/?cmp=guangdong');
  // A link with regions chosen opens with the picker closed, as before.
  await app.testid('compare-regions-summary').waitFor();
  assert.equal(await app.testid('compare-region-zhejiang').isVisible(), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a printed comparison keeps its column headings, every figure’s sentence and the indicators of one region, and names its link', async () => {
  const page = await chromium.newPage(DESKTOP);
  const path = 'compare/?ind=industrial_value_added&cmp=jiangsu~guangdong~zhejiang';
  const app = await new AppPage(page, server.base).open(path);
  await app.testid('compare-sort-value').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await app.testid('compare-sort-region').isVisible(), 'the 地区 heading prints');
  assert.ok(await app.testid('compare-sort-value').isVisible(), 'the 数值 heading prints');
  assert.ok(await page.locator('#app .cx-fig blockquote').first().isVisible(), 'a figure’s sentence prints');
  assert.equal(await app.testid('compare-ready').isVisible(), false);
  assert.equal(await app.testid('share').isVisible(), false);
  const printed = app.testid('print-url');
  assert.ok(await printed.isVisible());
  assert.ok((await printed.textContent()).includes(`${server.base}${path}`));
  // The table of every indicator prints the ones given for one region too.
  await page.emulateMedia({ media: 'screen' });
  await app.open('compare/?cmp=guangdong~jiangsu');
  const single = app.testid('compare-table-single');
  await single.waitFor({ state: 'attached' });
  assert.equal(await single.isVisible(), false);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await single.isVisible());
  await page.context().close();
});

test('the comparison table’s order is in the address: a reload or a shared link keeps it', async () => {
  const page = await chromium.newPage(DESKTOP);
  const app = await new AppPage(page, server.base).open(`compare/?ind=industrial_value_added&cmp=${SIX.join('~')}&period=2022`);
  const firstRow = () => page.locator('#app [data-testid="compare-table"] tbody th').first().textContent();
  assert.equal(await firstRow(), '江苏');
  await app.testid('compare-sort-region').click();
  await page.waitForURL(/order=region/);
  // Reading order: Guangdong leads the provinces.
  await page.waitForFunction(() => document.querySelector('#app [data-testid="compare-table"] tbody th')?.textContent === '广东');
  await page.reload();
  await app.testid('compare-table').waitFor();
  assert.equal(await firstRow(), '广东');
  assert.equal(await app.testid('compare-sort-region').locator('xpath=..').getAttribute('aria-sort'), 'ascending');
  await app.testid('compare-sort-value').click();
  await page.waitForURL((u) => !u.search.includes('order='));
  await page.waitForFunction(() => document.querySelector('#app [data-testid="compare-table"] tbody th')?.textContent === '江苏');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone the figures table scrolls sideways under a fixed indicator column', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?cmp=guangzhou~shenzhen~zhuhai~foshan~dongguan');
  const box = page.locator('#app .cx-scroll').first();
  await box.locator('tbody th').first().waitFor();
  const { scrollable, before } = await box.evaluate((el) => ({
    scrollable: el.scrollWidth > el.clientWidth,
    before: el.querySelector('tbody th').getBoundingClientRect().left,
  }));
  assert.ok(scrollable, 'five cities do not fit 360 px');
  await box.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const after = await box.evaluate((el) => ({
    heading: el.querySelector('tbody th').getBoundingClientRect().left,
    box: el.getBoundingClientRect().left,
    // The last city's column has come into view.
    last: el.querySelector('thead th:last-child').getBoundingClientRect().right <= el.getBoundingClientRect().right + 1,
  }));
  assert.ok(Math.abs(after.heading - before) < 1 && Math.abs(after.heading - after.box) < 1, JSON.stringify(after));
  assert.ok(after.last);
  assert.deepEqual(page.errors, []);
  await app.page.context().close();
});

test('tapping a map tile leads to that city’s policies', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('map/');
  await app.testid('map-tile-dongguan').click();
  await page.waitForURL(/city=dongguan/);
  const listed = app.testid('map-city-policies').locator('a');
  const expected = corpus.policies.filter((p) => p.region === 'dongguan');
  assert.equal(await listed.count(), expected.length);
  await app.testid('map-city-policy-list').click();
  await page.waitForURL(/policies\/?\?region=dongguan/);
  await page.waitForFunction((n) => document.querySelectorAll('#app [data-testid="policy-results"] [data-testid="policy-item"]').length === n, expected.length);
  await page.context().close();
});

test('a problem opened cold leads to a recommendation and a policy', async () => {
  const issue = corpus.issues[0];
  // A problem that the editors linked to at least one recommendation.
  const answers = issue.editorial.answers;
  const problem = issue.problems.find((p) =>
    Object.entries(answers).some(([id, ps]) => ps.includes(p.id) && id.includes('-')
      && issue.recommendations.some((r) => r.id === id)));
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open(`problem/${problem.id}/?from=singlemessage&isappinstalled=0`);
  assert.equal(await app.testid('item-title').textContent(), problem.title);
  // The heading keeps the source's full stop; the tab names the problem without it.
  assert.ok(problem.title.endsWith('。'));
  assert.equal(await page.title(), `${problem.title.slice(0, -1)} · 参考`);
  // Each piece of advice says what it advises, not only who: its first words, verbatim.
  const recCard = app.testid('answers').locator('[data-testid="item-card"]:has(a[href^="expert/"])').first();
  const lead = (await recCard.locator('[data-testid="card-lead"]').textContent()).replace(/…$/, '');
  const recId = await recCard.getAttribute('data-id');
  const advice = issue.recommendations.find((r) => r.id === recId);
  assert.ok(advice.paragraphs[0].startsWith(lead) && lead.length >= 10, lead);
  const recLink = app.testid('answers').locator('a[href^="expert/"]').first();
  const recHref = await recLink.getAttribute('href');
  await recLink.click();
  await page.waitForURL((u) => u.pathname.endsWith(recHref));
  await app.testid('item-page').waitFor();
  assert.equal(await app.testid('item-page').getAttribute('data-kind'), 'expert');
  // The recommendation names the problem it answers; back on the problem, a policy link.
  await app.testid('answered-problems').locator(`a[href="problem/${problem.id}/"]`).first().waitFor();
  await page.goBack();
  const policyLink = app.testid('answers').locator('a[href^="policy/"]').first();
  const policyHref = await policyLink.getAttribute('href');
  await policyLink.click();
  await page.waitForURL((u) => u.pathname.endsWith(policyHref));
  await app.testid('policy-page').waitFor();
  await page.context().close();
});

test('the first view starts the smaller module; a view across regions starts the full one, which keeps every route', async () => {
  const page = await chromium.newPage(DESKTOP);
  const modules = [];
  const requested = [];
  const wasmFinished = [];
  page.on('request', (r) => {
    requested.push(r.url().slice(server.base.length));
    if (r.url().endsWith('.wasm')) modules.push(r.url().split('/').pop());
  });
  page.on('requestfinished', (r) => { if (r.url().endsWith('.wasm')) wasmFinished.push(requested.length); });
  // Each module is fetched and compiled by a worker, off the main thread.
  const compilers = [];
  page.on('worker', (w) => compilers.push(w.url().split('/').pop()));
  const app = await new AppPage(page, server.base).open('');
  assert.equal(modules.length, 1);
  assert.deepEqual(compilers, ['wasm-compile.js']);
  assert.match(modules[0], /^cankao-[0-9a-f]+_bg\.wasm$/);
  // The first view's data is fetched beside the wasm, not once it has arrived, and only once.
  const data = requested.filter((u) => u.startsWith('data/'));
  assert.deepEqual(data, ['data/manifest.json', `data/${corpus.manifest.issues.at(-1).file}`]);
  assert.ok(requested.indexOf(data[1]) < wasmFinished[0], requested.join(' '));
  await app.testid('nav-compare').click();
  await app.testid('compare-page').waitFor();
  assert.match(app.relativeUrl(), /^compare/);
  assert.equal(modules.length, 2);
  assert.match(modules[1], /^cankao-full-[0-9a-f]+_bg\.wasm$/);
  assert.deepEqual(compilers, ['wasm-compile.js', 'wasm-compile.js']);
  // From here the full module draws every view, and back returns through the history.
  await app.testid('nav-policies').click();
  await app.testid('policy-results').waitFor();
  await page.goBack();
  await app.testid('compare-page').waitFor();
  assert.equal(modules.length, 2, 'no module loaded again');
  // Back to the first module's page: another document, which the browser may restore from its
  // back/forward cache without a load event, and once (in a CI run) without the navigation
  // Playwright's goBack waits for; the URL and the home view are what count.
  await page.evaluate(() => history.back());
  await page.waitForFunction((base) => location.href === base, server.base);
  await app.testid('home').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a figure in a status article leads to its comparison chart', async () => {
  const issue = corpus.issues[0];
  const article = issue.articles.find((a) => a.id === '2023-zhizao-six-provinces');
  const page = await chromium.newPage(DESKTOP);
  const app = await new AppPage(page, server.base).open(`article/${article.id}/`);
  const link = app.testid('item-body').locator('[data-testid="figure-link"]').first();
  const figureId = await link.getAttribute('data-figure');
  const figure = issue.figures.find((f) => f.id === figureId);
  await link.click();
  // The full module's page: its address, then its chart (not its load event, see explorer).
  await page.waitForURL(new RegExp(`compare/?\\?ind=${figure.indicator}`), { waitUntil: 'commit' });
  await app.testid('compare-chart').waitFor();
  await page.waitForFunction(() => document.querySelector('#app [data-testid="compare-chart"]').width > 0);
  assert.ok(await paintedPixels(app.testid('compare-chart')) > 500);
  await page.context().close();
});

test('the crosswalk answers "what addresses this problem?" and folds into a list on phones', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('problems/');
  const rows = app.testid('crosswalk').locator('[data-testid="crosswalk-row"]');
  assert.equal(await rows.count(), corpus.issues[0].problems.length);
  const display = await rows.first().evaluate((r) => getComputedStyle(r).display);
  assert.equal(display, 'block');
  // Each expert is named with the opening words of the advice, as the source gives them.
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td:first-of-type li')]
    .map((li) => ({ href: li.querySelector('a').getAttribute('href'), lead: li.querySelector('[data-testid="cell-lead"]')?.textContent }))));
  const advice = cells.flat();
  assert.ok(advice.length > 0);
  for (const { href, lead } of advice) {
    const rec = corpus.issues[0].recommendations.find((r) => href.includes(`/${r.id}/`) || href.endsWith(`${r.id}/`));
    assert.ok(rec, href);
    assert.ok(lead && rec.paragraphs[0].startsWith(lead.replace(/…$/, '')), `${href}: ${lead}`);
  }
  await page.context().close();
});

test('on a phone the matrix keeps its theme headings in sight while the reader scrolls down and across it', async () => {
  const page = await chromium.newPage(PHONE);
  await new AppPage(page, server.base).open('matrix/');
  const box = page.locator('#app .cx-matrix .cx-scroll');
  await box.waitFor();
  await box.scrollIntoViewIfNeeded();
  await box.evaluate((el) => { el.scrollTop = 600; el.scrollLeft = 300; });
  const seen = await page.evaluate(() => {
    const scroller = document.querySelector('#app .cx-matrix .cx-scroll').getBoundingClientRect();
    const heading = document.querySelector('#app .matrix-table thead th.cx-theme').getBoundingClientRect();
    const corner = document.querySelector('#app .matrix-table thead th').getBoundingClientRect();
    // What is drawn at the corner: the region column's heading, not a theme's.
    const atCorner = document.elementFromPoint(corner.left + 4, corner.top + 4)?.closest('th');
    return { top: heading.top - scroller.top, left: corner.left - scroller.left, corner: atCorner?.textContent };
  });
  assert.ok(Math.abs(seen.top) <= 1, `theme headings ${seen.top}px from the top of the table's box`);
  assert.ok(Math.abs(seen.left) <= 1, `the corner ${seen.left}px from its left`);
  assert.equal(seen.corner, '地区');
  // With the page scrolled to its end, the headings are still below the app bar.
  for (const device of [PHONE, DESKTOP]) {
    const other = await chromium.newPage(device);
    await new AppPage(other, server.base).open('matrix/?lang=en');
    await other.locator('#app .matrix-table').waitFor();
    await other.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const gap = await other.evaluate(() => document.querySelector('#app .matrix-table thead th').getBoundingClientRect().top
      - document.querySelector('header.top').getBoundingClientRect().bottom);
    assert.ok(gap >= 0, `the headings are ${-gap}px under the app bar`);
    await other.context().close();
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the matrix fits a desktop screen, and a region\'s sticky cell hides the columns scrolled under it', async () => {
  const desk = await chromium.newPage(DESKTOP);
  await new AppPage(desk, server.base).open('matrix/');
  const wide = await desk.locator('#app .cx-matrix .cx-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(wide <= 0, `the table is ${wide}px wider than its box`);
  await desk.context().close();

  const page = await chromium.newPage(PHONE);
  await new AppPage(page, server.base).open('matrix/');
  const box = page.locator('#app .cx-matrix .cx-scroll');
  await box.waitFor();
  await box.scrollIntoViewIfNeeded();
  // The region column, its edges included, looks the same whatever is scrolled under it.
  const column = await page.evaluate(() => {
    const cells = [...document.querySelectorAll('#app .matrix-table tbody th')].map((c) => c.getBoundingClientRect());
    return { x: cells[0].left, y: cells[0].top, width: cells[0].width, height: cells[5].bottom - cells[0].top };
  });
  const shots = [];
  for (const left of [150, 260, 370]) {
    await box.evaluate((el, x) => { el.scrollLeft = x; }, left);
    shots.push(await page.screenshot({ clip: column }));
  }
  assert.ok(shots.every((shot) => shot.equals(shots[0])), 'the columns scrolled under the region cells show through');
  await page.context().close();
});

test('Back from a matrix cell returns to the table scrolled as the reader left it', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('matrix/');
  const box = page.locator('#app .cx-matrix .cx-scroll');
  await box.waitFor();
  await box.scrollIntoViewIfNeeded();
  await box.evaluate((el) => { el.scrollLeft = 400; el.scrollTop = 200; });
  const left = await box.evaluate((el) => [el.scrollLeft, el.scrollTop]);
  // A cell in sight after the scroll: the first linked one whose box lies inside the scroller's.
  const href = await page.evaluate(() => {
    const frame = document.querySelector('#app .cx-matrix .cx-scroll').getBoundingClientRect();
    const link = [...document.querySelectorAll('#app .matrix-table tbody td a')].find((a) => {
      const r = a.getBoundingClientRect();
      return r.left > frame.left + 80 && r.right < frame.right && r.top > frame.top + 160 && r.bottom < frame.bottom;
    });
    return link.getAttribute('href');
  });
  await page.locator(`#app .matrix-table tbody td a[href="${href}"]`).click();
  await page.waitForURL(/policies\/?\?/, { waitUntil: 'commit' });
  await app.testid('policy-list').waitFor();
  await page.evaluate(() => history.back());
  await page.waitForURL(/matrix\/?$/, { waitUntil: 'commit' });
  await box.waitFor();
  await page.waitForFunction(([x, y]) => {
    const el = document.querySelector('#app .cx-matrix .cx-scroll');
    return el && el.scrollLeft === x && el.scrollTop === y;
  }, left, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await box.evaluate((el) => [el.scrollLeft, el.scrollTop]), left);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone each timeline dot shows its number, which the list below gives its policy', async () => {
  const page = await chromium.newPage(PHONE);
  await new AppPage(page, server.base).open('timeline/');
  await page.locator('#app [data-testid^="timeline-mark-"]').first().waitFor();
  const { marks, items } = await page.evaluate(() => {
    const read = (selector, prefix) => [...document.querySelectorAll(`#app [data-testid^="${prefix}"]`)]
      .map((el) => ({ id: el.dataset.testid.slice(prefix.length), el, selector }));
    const marks = read('a', 'timeline-mark-').map(({ id, el }) => ({
      id, number: el.textContent.trim(), href: el.getAttribute('href'),
      fits: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
    }));
    const items = read('li', 'timeline-item-').map(({ id, el }) => ({
      id, number: el.querySelector('.cx-tl-num')?.textContent.trim(), date: el.querySelector('.meta').textContent.trim().slice(0, 10),
    }));
    return { marks, items };
  });
  const dated = corpus.issues[0].policies.filter((p) => /^\d{4}-\d{2}/.test(p.date));
  assert.equal(marks.length, dated.length);
  assert.deepEqual(marks.map((m) => m.number), marks.map((_, i) => String(i + 1)));
  assert.deepEqual(items.map((i) => [i.id, i.number]), marks.map((m) => [m.id, m.number]));
  assert.deepEqual(marks.filter((m) => !m.fits).map((m) => m.number), [], 'numbers cut off inside their dots');
  assert.deepEqual(items.map((i) => i.date), items.map((i) => i.date).sort(), 'the list runs oldest first');
  assert.ok(marks.every((m) => m.href === `policy/${m.id}/`), JSON.stringify(marks[0]));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a comparison of figures that measure different things says they are not ranked like with like', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?ind=share_of_country');
  await app.testid('compare-table').waitFor();
  assert.match(await app.testid('compare-unlike').textContent(), /衡量的对象不同/);
  await app.open('compare/?ind=industrial_value_added');
  await app.testid('compare-table').waitFor();
  assert.equal(await app.testid('compare-unlike').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a comparison with nothing to draw says so once, with no unit line; an English region button counts in the singular too', async () => {
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('compare/?ind=share_of_country&cmp=pearl-river-delta');
  await app.testid('compare-missing').waitFor();
  assert.equal(await app.testid('compare-nothing').count(), 0);
  assert.equal(await page.locator('#app .compare-result p.meta', { hasText: '单位' }).count(), 0);
  await app.open('compare/?ind=share_of_country&lang=en');
  await app.testid('compare-table').waitFor();
  // (The picker is closed: its buttons are read by their text, hidden words included.)
  assert.equal(await app.testid('compare-region-china').textContent(), 'China: 1 figure');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
