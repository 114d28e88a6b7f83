// Issue 4: find a policy fast and send it to a colleague.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeApp, openApp } from './support/app.mjs';
import { DESKTOP, PHONE } from './support/browser.mjs';
import { AppPage, PolicyListPage, PolicyPage, SavedPage, SearchPage } from './pages/app.mjs';

const WECHAT = '?from=singlemessage&isappinstalled=0';
let server;
let chromium;
let corpus;
before(async () => ({ server, chromium, corpus } = await openApp()));
after(() => closeApp({ server, chromium }));

const byNumber = (number) => corpus.policies.find((p) => p.doc_number === number);

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a policy deep link opens cold with WeChat's parameters (${name})`, async () => {
    const policy = byNumber('粤府〔2021〕53号');
    const page = await chromium.newPage(device);
    const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/${WECHAT}`);
    assert.equal(await view.title().textContent(), policy.short_title);
    assert.equal(await view.docNumber().textContent(), policy.doc_number);
    // The date as a Chinese page writes it, machine-readable beside.
    const date = view.testid('policy-date');
    assert.equal(await date.textContent(), '2021年7月30日');
    assert.equal(await date.getAttribute('datetime'), policy.date);
    // Where in the issue it stands: the table or section, and its row.
    const source = await view.testid('policy-source').textContent();
    assert.ok(source.endsWith(`${policy.place.section} · 第 ${policy.place.ordinal} 项`), source);
    assert.ok(await view.prerenderGone(), 'the app took over from the prerendered page');
    assert.equal(await page.title(), `${policy.short_title} · 参考`);
    // Lines of the summary hold at most about 42 characters, however wide the screen.
    const perLine = await view.testid('policy-summary').evaluate((p) => p.clientWidth / parseFloat(getComputedStyle(p).fontSize));
    assert.ok(perLine <= 42, `${perLine.toFixed(1)} characters a line`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a policy’s related section leads with the problems and advice on its themes and keeps its region’s lists short', async () => {
  const policy = byNumber('粤府〔2021〕53号');
  const page = await chromium.newPage(PHONE);
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  const related = view.testid('related');
  await related.locator('h3').first().waitFor();
  const headings = await related.locator('h3').allTextContents();
  assert.deepEqual(headings.slice(0, 2), ['相关问题', '相关专家建议']);
  // Guangdong has more than six figures: six, then a link to all of them; a link to all its
  // policies comes only where there are more than six others.
  const region = corpus.policies.filter((p) => p.region === policy.region && p.id !== policy.id);
  const figures = corpus.issues.flatMap((i) => i.figures).filter((f) => f.region === policy.region);
  assert.ok(figures.length > 6);
  assert.equal(await related.locator('[data-testid="figure"]').count(), 6);
  // A sentence that gives several of them is quoted once.
  const sentences = await related.locator('[data-testid="figure-sentence"]').allTextContents();
  const shown = await related.locator('[data-testid="figure"]').evaluateAll((ps) => ps.map((p) => p.dataset.id));
  const expected = new Set(shown.map((id) => figures.find((f) => f.id === id).sentence));
  assert.deepEqual(sentences, [...expected]);
  assert.ok(sentences.length < 6, `${sentences.length} sentences for 6 figures`);
  assert.equal(await view.testid('related-region-policies').count(), region.length > 6 ? 1 : 0);
  const all = view.testid('related-region-figures');
  assert.equal(await all.textContent(), `该地区全部 ${figures.length} 个数字（地区比较）`);
  await all.click();
  // The comparison is the full module's page: its address is awaited, then its view (not a
  // load event, which a full run once waited for in vain for 30 s).
  await page.waitForURL(new RegExp(`compare/?\\?cmp=${policy.region}$`), { waitUntil: 'commit' });
  await view.testid('compare-page').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a policy\'s link to all of its region\'s documents counts what the list it opens holds', async () => {
  const central = corpus.policies.filter((p) => p.region === 'china');
  assert.ok(central.length > 7);
  const page = await chromium.newPage(PHONE);
  const view = await new PolicyPage(page, server.base).open(`policy/${central[0].id}/`);
  const all = view.testid('related-region-policies');
  assert.equal(await all.textContent(), `该地区全部 ${central.length} 份政策文件`);
  await all.click();
  await page.waitForURL(/policies\/?\?region=china$/, { waitUntil: 'commit' });
  await view.testid('policy-results').waitFor();
  assert.equal(await view.testid('policy-results').locator('[data-testid="policy-item"]').count(), central.length);
  await page.context().close();
});

test('search typed into the box finds every kind, all terms, pinyin and 文号 variants', async () => {
  const page = await chromium.newPage(DESKTOP);
  const search = await new SearchPage(page, server.base).open('search/');

  await search.type('数字化 转型');
  await page.waitForFunction(() => document.querySelectorAll('#app [data-testid="hit"]').length > 0);
  // The URL follows the box: the last keystroke's query.
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化 转型');
  assert.match(search.relativeUrl(), /^search\/\?q=/);
  // Every policy hit holds both terms somewhere in what it is searched by: its record and the
  // names of its (editorial) themes. Chinese has no spaces: substrings.
  const squash = (s) => s.replace(/\s+/g, '');
  const themeNames = (id) => {
    const keys = corpus.issues.flatMap((i) => i.editorial.themes[id] ?? []);
    return keys.map((k) => corpus.manifest.registry.themes.find((t) => t.key === k).zh).join('');
  };
  const policyHits = await page.locator('#app [data-testid="hit"][data-kind="policy"]').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.ok(policyHits.length > 0);
  for (const id of policyHits) {
    const record = squash(JSON.stringify(corpus.policies.find((p) => p.id === id)) + themeNames(id));
    assert.ok(record.includes('数字化') && record.includes('转型'), id);
  }
  const marks = await page.locator('#app [data-testid="hit"] mark').allTextContents();
  assert.ok(marks.some((m) => m.includes('数字化') || m.includes('转型')), 'matches are marked');

  // Pinyin initials of an issuer: gwy → 国务院.
  await search.type('gwy');
  const guowuyuan = corpus.policies.find((p) => p.issuers.includes('国务院'));
  await page.goto(server.base + 'search?q=gwy&group=policy');
  await page.locator(`#app [data-testid="hit"][data-id="${guowuyuan.id}"]`).waitFor();
  await search.open('search/');

  // A document number in any bracket or spacing, or said without its year, finds that
  // document first.
  const target = byNumber('粤府〔2021〕53号');
  for (const typed of ['粤府2021 53', '粤府[2021]53号', '粤府〔2021〕53号', '粤府53号']) {
    await search.type(typed);
    // The address follows the box once typing pauses: the hits are then this query's.
    await page.waitForURL((u) => u.searchParams.get('q') === typed);
    await page.waitForFunction(
      (id) => document.querySelector('#app [data-testid="hit"]')?.dataset.id === id,
      target.id,
    );
  }

  // Results are grouped by kind: a word from the problems section finds problems too.
  await search.type('人才');
  await page.locator('#app [data-testid="group-problem"]').waitFor();
  await page.locator('#app [data-testid="group-policy"]').waitFor();

  // Each group lists its best five; its own view (in the URL) lists every hit.
  await search.type('制造业');
  const policyGroup = page.locator('#app [data-testid="group-policy"]');
  await page.locator('#app [data-testid="more-policy"]').waitFor();
  const total = Number(await policyGroup.locator('h2 .count').textContent());
  assert.ok(total > 5, `制造业 finds ${total} policies`);
  assert.equal(await policyGroup.locator('[data-testid="hit"]').count(), 5);

  // The groups past the first screen follow a paint later; when the query changes before they
  // arrive, only the new query's results are shown, each group once.
  await search.input().fill('人才');
  await search.input().fill('数字化');
  await search.input().fill('制造业');
  await page.locator('#app .hits-rest [data-testid="hit"]').first().waitFor();
  await page.waitForTimeout(300);
  const groups = await page.$$eval('#app [data-testid^="group-"]', (els) => els.map((e) => e.dataset.testid));
  assert.equal(new Set(groups).size, groups.length, `each group once: ${groups}`);
  // (A mark cut by the snippet's edge holds part of the word.)
  const restMarks = await page.$$eval('#app .hits-rest mark', (els) => els.map((e) => e.textContent));
  assert.ok(restMarks.length > 0 && restMarks.every((m) => m && '制造业'.includes(m)), `the rest is 制造业's: ${restMarks}`);

  // A star pressed in the results saves that item, says so, and keeps the keyboard on it.
  const firstHit = policyGroup.locator('[data-testid="hit"]').first();
  const starred = await firstHit.getAttribute('data-id');
  const star = firstHit.locator('[data-testid="star"]');
  assert.equal(await star.getAttribute('aria-pressed'), 'false');
  await star.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.dataset.id === id
    && document.activeElement.getAttribute('aria-pressed') === 'true', starred);
  assert.equal(await star.getAttribute('aria-label'), '取消收藏');
  assert.equal(await star.textContent(), '★');
  assert.ok((await page.evaluate(() => localStorage.getItem('cankao.saved'))).includes(starred));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-pressed') === 'false');
  assert.ok(!(await page.evaluate(() => localStorage.getItem('cankao.saved'))).includes(starred));

  await page.locator('#app [data-testid="more-policy"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('#app [data-testid="hit"][data-kind="policy"]').length === n, total);
  assert.match(search.relativeUrl(), /group=policy/);
  assert.equal(await page.locator('#app [data-testid="group-problem"]').count(), 0, 'one group only');
  // The count says how many the group's list holds, and how many every kind holds.
  assert.match(await search.testid('search-count').textContent(), new RegExp(`^政策：${total} 条（所有类别共 \\d+ 条结果）$`));
  await page.locator('#app [data-testid="all-groups"]').click();
  await page.locator('#app [data-testid="group-problem"]').waitFor();

  // Leaving the page in the same frame as a keystroke: the results' second part, due after the
  // paint, finds the page gone and stays quiet; the app goes on working.
  await page.evaluate(() => {
    const input = document.querySelector('#app [data-testid="search-input"]');
    input.value = '数字化';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#app [data-testid="nav-policies"]').click();
  });
  await page.locator('#app [data-testid="policy-item"]').first().waitFor();
  // Nor does the address the search would have written once typing paused: it stays the list's.
  await page.waitForTimeout(500);
  assert.match(search.relativeUrl(), /^policies/);
  await page.locator('#app [data-testid="nav-search"]').click();
  await search.type('制造业');
  await page.locator('#app .hits-rest [data-testid="hit"]').first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a result tapped as soon as the query is typed keeps that query for Back; Back typed as fast leaves the address alone', async () => {
  const page = await chromium.newPage(PHONE);
  const search = await new SearchPage(page, server.base).open('search/');
  await search.type('数字化');
  // The address takes the query once typing pauses; a tap before then (Playwright's comes
  // within milliseconds) writes it as the box loses focus, before the navigation.
  const hit = search.hits().first();
  const id = await hit.getAttribute('data-id');
  await hit.locator('a.card-title').click();
  await page.waitForURL((u) => u.pathname.includes(id));
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化');
  await page.waitForFunction(() => document.querySelector('#app [data-testid="search-input"]')?.value === '数字化');

  // Back pressed before the pause, the box still focused: the search page is taken down (its
  // box loses focus as it goes) and the address stays the one Back went to.
  await page.locator('#app [data-testid="nav-policies"]').click();
  await page.locator('#app [data-testid="policy-item"]').first().waitFor();
  await page.locator('#app [data-testid="nav-search"]').click();
  await search.type('人才');
  await page.goBack();
  await page.locator('#app [data-testid="policy-item"]').first().waitFor();
  await page.waitForTimeout(500);
  assert.match(search.relativeUrl(), /^policies\/?$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`a filter is reflected in the URL and restored by back and forward (${name})`, async () => {
    const page = await chromium.newPage(device);
    const list = await new PolicyListPage(page, server.base).open('policies/');
    const all = corpus.policies.length;
    const central = corpus.policies.filter((p) => p.level === 'central').length;
    assert.equal(await list.items().count(), all);

    await list.openFilters();
    await list.facet('level', 'central').check();
    await page.waitForURL(/level=central/);
    await list.closeFilters();
    assert.equal(await list.items().count(), central);
    assert.match(await list.resultCount().textContent(), new RegExp(String(central)));
    // The result count is announced to screen readers.
    assert.equal(await list.resultCount().getAttribute('aria-live'), 'polite');
    // The active filter shows as a removable chip.
    assert.equal(await list.testid('chip').count(), 1);

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('level='));
    await page.waitForFunction((n) => document.querySelectorAll('#app [data-testid="policy-results"] [data-testid="policy-item"]').length === n, all);
    await page.goForward();
    await page.waitForURL(/level=central/);
    await page.waitForFunction((n) => document.querySelectorAll('#app [data-testid="policy-results"] [data-testid="policy-item"]').length === n, central);

    // The same URL opened cold shows the same view.
    const cold = await chromium.newPage(device);
    const again = await new PolicyListPage(cold, server.base).open(`policies/?level=central&${WECHAT.slice(1)}`);
    assert.equal(await again.items().count(), central);
    assert.deepEqual(page.errors, []);
    await page.context().close();
    await cold.context().close();
  });
}

test('on a wide screen a keyboard skips the hundred filters to the results in one step', async () => {
  const page = await chromium.newPage(DESKTOP);
  const list = await new PolicyListPage(page, server.base).open('policies/');
  await list.items().first().waitFor();
  const skip = list.testid('skip-to-results');
  // Out of sight until the keyboard reaches it, and before the first filter.
  assert.equal(await skip.evaluate((a) => a.getBoundingClientRect().right < 0), true);
  const order = await page.locator('#facets a, #facets input').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.equal(order[0], 'skip-to-results');
  await skip.focus();
  assert.equal(await skip.evaluate((a) => a.getBoundingClientRect().right > 0), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.equal(list.relativeUrl(), 'policies/');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('[data-testid="policy-item"]') !== null));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a phone the filter sheet is a dialog that keeps the focus, and Escape closes it and gives the focus back', async () => {
  const page = await chromium.newPage(PHONE);
  const list = await new PolicyListPage(page, server.base).open('policies/');
  const sheet = list.testid('facets');
  assert.equal(await sheet.getAttribute('role'), null, 'closed, it is no dialog');
  await list.openFilters();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'close-filters');
  assert.ok(await sheet.evaluate((el) => el.classList.contains('open')));
  assert.equal(await sheet.getAttribute('role'), 'dialog');
  assert.equal(await sheet.getAttribute('aria-modal'), 'true');
  // Tab goes round the sheet's own controls: back from "Done" to its last filter, and on.
  const active = () => page.evaluate(() => document.activeElement?.closest('#facets') !== null);
  await page.keyboard.press('Shift+Tab');
  assert.ok(await active(), 'Shift+Tab from Done stays in the sheet');
  const last = await page.evaluate(() => document.activeElement?.dataset.testid);
  const enabled = await sheet.locator('input:not([disabled])').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.equal(last, enabled.at(-1));
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'close-filters');
  // "Done" stays in sight when the filters are scrolled to their end.
  await sheet.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForTimeout(100);
  assert.ok(await list.testid('close-filters').evaluate((b) => {
    const r = b.getBoundingClientRect();
    const s = b.closest('#facets').getBoundingClientRect();
    return r.top >= s.top - 1 && r.bottom <= s.bottom;
  }), 'Done is inside the sheet’s visible area');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'open-filters');
  assert.ok(!(await sheet.evaluate((el) => el.classList.contains('open'))));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Back from a result far down the search page comes back to where the reader was', async () => {
  const page = await chromium.newPage(PHONE);
  const search = await new SearchPage(page, server.base).open(`search/?q=${encodeURIComponent('人才')}`);
  const problem = page.locator('#app [data-testid="group-problem"] [data-testid="hit"] a.card-title').first();
  await problem.waitFor();
  await problem.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -100));
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 1200, `the problems are far down (${before})`);
  const href = await problem.getAttribute('href');
  await problem.click();
  await page.waitForURL((u) => u.pathname.endsWith(href.replace(/^.*?problem\//, 'problem/')));
  await search.testid('item-page').or(page.locator('#app h1')).first().waitFor();
  await page.goBack({ waitUntil: 'commit' });
  await search.hits().first().waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 40, before, { timeout: 3000 })
    .catch(async () => assert.fail(`came back at ${await page.evaluate(() => window.scrollY)}, left at ${before}`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a search or a list that finds nothing offers a way on', async () => {
  const page = await chromium.newPage(PHONE);
  const search = await new SearchPage(page, server.base).open(`search/?q=${encodeURIComponent('数字化 无此词语')}`);
  const help = search.testid('no-results');
  await help.waitFor();
  const alone = help.locator('a', { hasText: '只搜「数字化」' });
  await alone.click();
  await page.waitForURL(/search\/?\?q=%E6%95%B0%E5%AD%97%E5%8C%96$/);
  await search.hits().first().waitFor();
  assert.equal(await search.testid('no-results').count(), 0);
  // The list: the filters dropped, or the words sought in every kind of item.
  const list = await new PolicyListPage(page, server.base).open(`policies/?level=central&q=${encodeURIComponent('揭阳')}`);
  await list.testid('no-results').waitFor();
  assert.equal(await list.items().count(), 0);
  // It says so, and offers no share bar for an empty list.
  assert.match(await list.testid('no-results').textContent(), /没有同时符合这些条件的政策文件/);
  assert.equal(await page.locator('#app [data-testid="share"]').count(), 0);
  await list.testid('no-results-clear').click();
  await page.waitForURL((url) => !url.search.includes('level='));
  await list.items().first().waitFor();
  await list.open(`policies/?q=${encodeURIComponent('无此词语')}`);
  await list.testid('no-results-search').click();
  await search.testid('no-results').waitFor();
  // Nothing found: nothing to download or send on. Spaces alone are no query.
  await page.waitForTimeout(400);
  assert.equal(await search.testid('search-csv').count(), 0);
  assert.equal(await page.locator('#app [data-testid="share"]').count(), 0);
  await search.open('search/?q=%20%20%20');
  await page.locator('#app [data-testid="search-count"]', { hasText: '输入关键词' }).waitFor();
  assert.equal(await search.testid('no-results').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('words typed without spaces are searched apart at the names they hold, and the reader is told', async () => {
  const shenzhen = byNumber('深工信规〔2022〕8号');
  const page = await chromium.newPage(PHONE);
  const typed = '深圳数字化转型';
  const search = await new SearchPage(page, server.base).open(`search/?q=${encodeURIComponent(typed)}`);
  await search.testid('search-apart').waitFor();
  assert.match(await search.testid('search-apart').textContent(), /“深圳数字化转型”原样没有找到.*“深圳 数字化转型”/);
  assert.equal(await search.testid('no-results').count(), 0);
  assert.equal(await page.locator(`#app [data-testid="hit"][data-id="${shenzhen.id}"]`).count(), 1);
  // The query stays as typed in the box and the address.
  assert.equal(await search.input().inputValue(), typed);
  assert.equal(new URL(page.url()).searchParams.get('q'), typed);
  // The list's own search does the same.
  const list = await new PolicyListPage(page, server.base).open(`policies/?q=${encodeURIComponent(typed)}`);
  await list.items().first().waitFor();
  assert.equal(await list.testid('policy-results').locator(`[data-testid="policy-item"][data-id="${shenzhen.id}"]`).count(), 1);
  // Words that find something as typed are searched as typed.
  await search.open(`search/?q=${encodeURIComponent('数字化转型')}`);
  await search.hits().first().waitFor();
  assert.equal(await search.testid('search-apart').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in English the home page is titled in English, and figures found are named in English, the source’s Chinese marked as Chinese', async () => {
  const issue = corpus.issues.at(-1);
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open('?lang=en');
  await page.waitForFunction((t) => document.title.startsWith(t), issue.meta.title_en);
  await app.open(`search/?q=${encodeURIComponent('政策措施条数')}&group=figure&lang=en`);
  const first = app.testid('hit').first();
  await first.waitFor();
  assert.equal((await first.locator('.card-title').textContent()).trim(), 'Guangdong · Policy measures (articles): 9 (2021)');
  assert.equal(await first.locator('.snippet [lang="zh-CN"]').count(), 1);
  // A policy's title is the source's: Chinese, said so.
  await app.open(`search/?q=${encodeURIComponent('粤府〔2021〕53号')}&lang=en`);
  await app.testid('hit').first().waitFor();
  assert.equal(await app.testid('hit').first().locator('.card-title').getAttribute('lang'), 'zh-CN');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Back undoes a typed query as a whole, and a sort between two queries is a step of its own', async () => {
  const page = await chromium.newPage(DESKTOP);
  const list = await new PolicyListPage(page, server.base).open('policies/');
  const q = () => new URL(page.url()).searchParams.get('q');
  const sort = () => new URL(page.url()).searchParams.get('sort');
  await list.search('数字');
  await page.waitForURL((u) => u.searchParams.get('q') === '数字');
  await list.search('数字化');
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化');
  await list.testid('sort').selectOption('level');
  await page.waitForURL((u) => u.searchParams.get('sort') === 'level');
  await list.search('数字化转型');
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化转型');
  await list.search('数字化转型 广东');
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化转型 广东');
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('q') === '数字化');
  assert.equal(sort(), 'level');
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('sort') !== 'level');
  assert.equal(q(), '数字化');
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.get('q'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the list combines a query with facets and removes a chip', async () => {
  const page = await chromium.newPage(DESKTOP);
  const list = await new PolicyListPage(page, server.base).open('policies/');
  await list.search('数字化');
  await page.waitForURL(/q=/);
  const withQuery = await list.items().count();
  assert.ok(withQuery > 0 && withQuery < corpus.policies.length);
  await list.facet('level', 'municipal').check();
  await page.waitForURL(/level=municipal/);
  const both = await list.items().count();
  assert.ok(both > 0 && both <= withQuery);
  // Removing the query chip keeps the level filter.
  await list.testid('chip').first().click();
  await page.waitForURL((u) => !u.search.includes('q='));
  assert.equal(await list.items().count(), corpus.policies.filter((p) => p.level === 'municipal').length);
  await page.context().close();
});

test('copy-link works where there is no share sheet, with a visible confirmation', async () => {
  const context = await chromium.browser.newContext({ ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => { delete Navigator.prototype.share; });
  const page = await context.newPage();
  const policy = byNumber('粤府〔2021〕53号');
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  await view.testid('share-button').click();
  await view.testid('copy-status').getByText('链接已复制').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(`${server.base}policy/${policy.id}/`), copied);
  assert.ok(copied.includes(policy.short_title), copied);
  await context.close();
});

test('when the clipboard refuses, the link is shown for copying by hand', async () => {
  const context = await chromium.browser.newContext({ ...DESKTOP });
  await context.addInitScript(() => {
    delete Navigator.prototype.share;
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new Error('denied')) }),
    });
  });
  const page = await context.newPage();
  const policy = corpus.policies[0];
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  await view.testid('copy-link').click();
  const manual = view.testid('manual-copy');
  await manual.waitFor();
  assert.equal(await manual.inputValue(), `${server.base}policy/${policy.id}/`);
  await context.close();
});

test('a filtered list, a comparison, a map city and a search are sent on from their own share bar, titled by what they show', async () => {
  const context = await chromium.browser.newContext({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript(() => { delete Navigator.prototype.share; });
  const page = await context.newPage();
  const app = new PolicyListPage(page, server.base);
  for (const [path, words] of [
    ['policies/?level=municipal&theme=digital', ['政策文件', '市级']],
    ['compare/?ind=industrial_value_added&cmp=jiangsu~guangdong', ['工业增加值', '江苏、广东']],
    ['map/?measure=figures&city=foshan', ['佛山']],
    ['search/?q=%E4%BA%BA%E6%89%8D', ['人才']],
  ]) {
    // Opened with WeChat's parameters, the link sent on is the view's own.
    await app.open(`${path}${path.includes('?') ? '&' : '?'}from=singlemessage`);
    const bar = app.testid('share');
    await bar.waitFor();
    const title = await page.title();
    for (const w of words) assert.ok(title.includes(w), `${path}: title “${title}” lacks ${w}`);
    await bar.locator('[data-testid="copy-link"]').click();
    await app.testid('copy-status').getByText('链接已复制').waitFor();
    const [line, url] = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    // The same address, its parameters in any order, WeChat's left out.
    const same = (u) => { const x = new URL(u); return [x.pathname, [...x.searchParams].sort().join('&')]; };
    assert.deepEqual(same(url), same(`${server.base}${path}`));
    for (const w of words) assert.ok(line.includes(w), `${path}: “${line}” lacks ${w}`);
  }
  // A search typed on the page is sent on once typing pauses (the address follows it then).
  await app.open('search/');
  await app.testid('search-input').fill('数字化');
  const typedBar = app.testid('share');
  await typedBar.waitFor();
  assert.ok((await page.title()).includes('数字化'), await page.title());
  await typedBar.locator('[data-testid="copy-link"]').click();
  await app.testid('copy-status').getByText('链接已复制').waitFor();
  const typedLink = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[1];
  assert.equal(new URL(typedLink).searchParams.get('q'), '数字化');
  // An expert's link, received alone, says whose advice it is.
  const rec = corpus.issues[0].recommendations[0];
  await app.open(`expert/${rec.id}/`);
  await app.testid('copy-link').click();
  await app.testid('copy-status').getByText('链接已复制').waitFor();
  const sent = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(sent.startsWith(`《参考》专家建议 · ${rec.expert}（${rec.position}）\n`), sent);
  // An unfiltered list has nothing particular to send: no share bar.
  await app.open('policies/');
  await app.testid('result-count').waitFor();
  assert.equal(await app.testid('share').count(), 0);
  await context.close();
});

test('where the page has no clipboard (a host on plain http), copy-link still copies', async () => {
  const context = await chromium.browser.newContext({ ...PHONE });
  await context.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.clipboard;
    // What the old way of copying puts on the clipboard: the selection when "copy" fires.
    document.addEventListener('copy', () => {
      const box = document.activeElement;
      window.copiedText = box && 'value' in box
        ? box.value.slice(box.selectionStart, box.selectionEnd) : String(document.getSelection());
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const policy = corpus.policies[0];
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  assert.equal(await page.evaluate(() => 'clipboard' in navigator), false);
  await view.testid('copy-link').click();
  await view.testid('copy-status').getByText('链接已复制').waitFor();
  const copied = await page.evaluate(() => window.copiedText);
  assert.ok(copied.includes(`${server.base}policy/${policy.id}/`), copied);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a QR code and a share poster are drawn for a policy', async () => {
  const page = await chromium.newPage(PHONE);
  const policy = byNumber('粤府〔2021〕53号');
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  await view.testid('qr-toggle').click();
  await view.testid('qr-code').waitFor();
  await view.testid('make-poster').click();
  const poster = view.testid('poster');
  await poster.waitFor();
  const size = await poster.evaluate((img) => ({ w: img.naturalWidth, h: img.naturalHeight, src: img.src.slice(0, 22) }));
  assert.equal(size.src, 'data:image/png;base64,');
  assert.ok(size.w >= 700 && size.h > size.w, JSON.stringify(size));
  assert.equal(await poster.getAttribute('data-link'), `${server.base}policy/${policy.id}/`);
  // From the English interface, the poster's QR code opens the page in English, as its link does.
  await view.open(`policy/${policy.id}/?lang=en`);
  await view.testid('make-poster').click();
  await poster.waitFor();
  assert.equal(await poster.getAttribute('data-link'), `${server.base}policy/${policy.id}/?lang=en`);
  await page.context().close();
});

test('a saved item survives a reload and can be shared as a link', async () => {
  const page = await chromium.newPage(DESKTOP);
  const policy = byNumber('粤府〔2021〕53号');
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  await view.star().click();
  assert.equal(await view.star().getAttribute('aria-pressed'), 'true');
  await page.reload();
  await page.waitForSelector('#app [data-testid="policy-page"]');
  assert.equal(await view.star().getAttribute('aria-pressed'), 'true');

  const saved = await new SavedPage(page, server.base).open('saved/');
  assert.equal(await saved.items().count(), 1);
  assert.equal(await saved.items().first().getAttribute('data-id'), policy.id);

  // The list as a link, opened by someone else (a fresh browser context).
  const other = await chromium.newPage(DESKTOP);
  const shared = await new SavedPage(other, server.base).open(`saved/?ids=${policy.id}&${WECHAT.slice(1)}`);
  assert.equal(await shared.items().count(), 1);
  // A shared link whose items cannot be found says so, not that the reader saved nothing.
  await shared.open('saved/?ids=no-such-item,,');
  assert.match(await shared.testid('saved-empty').textContent(), /分享链接里的条目都找不到/);
  await page.context().close();
  await other.context().close();
});

test('citations in GB/T 7714, RIS and BibTeX carry the document number and date', async () => {
  const page = await chromium.newPage(DESKTOP);
  const policy = byNumber('粤府〔2021〕53号');
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  // The page is headed by the document's name, as the lists and the citation give it; the
  // heading the compilation prints (issuers and 文号 included) is kept verbatim beside the facts.
  assert.equal(await view.testid('policy-title').textContent(), policy.short_title);
  assert.equal(await view.testid('policy-heading').textContent(), policy.title);
  // The compilation has a summary only: a web search for the original by its 文号 and name.
  const original = new URL(await view.testid('policy-original').getAttribute('href'));
  assert.equal(original.origin, 'https://www.baidu.com');
  assert.equal(original.searchParams.get('wd'), `${policy.doc_number} ${policy.short_title}`);
  const gbt = await view.testid('cite-gbt').textContent();
  assert.ok(gbt.includes(`${policy.short_title}: ${policy.doc_number}[EB/OL]`), gbt);
  assert.ok(gbt.includes(`(${policy.date})`), gbt);
  assert.ok(gbt.includes(`${server.base}policy/${policy.id}/`), gbt);
  assert.match(await view.testid('cite-ris').textContent(), /^TY {2}- GOVDOC/);
  assert.match(await view.testid('cite-bibtex').textContent(), new RegExp(`^@misc\\{${policy.id},`));
  await page.context().close();
});

test('a printed policy holds its facts, summary and GB/T 7714 citation, not the screen\'s controls and lists', async () => {
  const page = await chromium.newPage(DESKTOP);
  const policy = byNumber('粤府〔2021〕53号');
  const view = await new PolicyPage(page, server.base).open(`policy/${policy.id}/`);
  await view.testid('cite-gbt').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const id of ['policy-title', 'doc-number', 'policy-date', 'policy-summary', 'cite-gbt']) {
    assert.ok(await view.testid(id).isVisible(), `${id} is printed`);
  }
  for (const id of ['share', 'related', 'cite-ris', 'cite-bibtex']) {
    assert.equal(await view.testid(id).isVisible(), false, `${id} is not printed`);
  }
  assert.equal(await page.locator('#app button:visible').count(), 0, 'no button is printed');
  // A printed list prints every entry, not only those the screen had reached.
  // (Still emulating print: the emulation outlives the navigation.)
  const list = await new PolicyListPage(page, server.base).open('policies/');
  await list.items().nth(corpus.policies.length - 1).waitFor({ state: 'attached' });
  const skipped = await list.items().evaluateAll((cards) => cards
    .filter((c) => getComputedStyle(c).contentVisibility !== 'visible').length);
  assert.equal(skipped, 0);
  assert.equal(await list.items().count(), corpus.policies.length);
  // A filtered list says its filters and prints its policies, not the filters to choose from.
  const shenzhen = corpus.policies.filter((p) => p.region === 'shenzhen').length;
  await list.open('policies/?region=shenzhen');
  await page.waitForFunction((n) => document.querySelectorAll('#app [data-testid="policy-item"]').length === n, shenzhen);
  assert.equal(await list.testid('facets').isVisible(), false, 'the filters are not printed');
  assert.equal(await list.testid('chip').filter({ hasText: '深圳' }).isVisible(), true, 'the filter is said');
  assert.equal(await list.testid('clear-filters').isVisible(), false);
  const firstCard = await list.items().first().boundingBox();
  assert.ok(firstCard.x < 100, `the list takes the page's width (x = ${firstCard.x})`);
  await page.context().close();
});

test('the filtered list exports as CSV with a BOM and as JSON', async () => {
  const page = await chromium.newPage(DESKTOP);
  const list = await new PolicyListPage(page, server.base).open('policies/?level=central');
  const [csv] = await Promise.all([page.waitForEvent('download'), list.testid('export-csv').click()]);
  const bytes = await streamBytes(await csv.createReadStream());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, 1 + corpus.policies.filter((p) => p.level === 'central').length);
  const [json] = await Promise.all([page.waitForEvent('download'), list.testid('export-json').click()]);
  const parsed = JSON.parse((await streamBytes(await json.createReadStream())).toString('utf8'));
  assert.ok(parsed.every((p) => p.level === 'central'));
  // From the English interface, the CSV is headed in English.
  await list.open('policies/?level=central&lang=en');
  const [english] = await Promise.all([page.waitForEvent('download'), list.testid('export-csv').click()]);
  const header = (await streamBytes(await english.createReadStream())).toString('utf8').split('\r\n')[0];
  assert.equal(header.replace(/^\uFEFF/, ''), 'id,Title as printed,Short title,Document number,Issued by,Date,Level,Region,Region code,Themes,Theme codes,Summary,Link');
  await page.context().close();
});

test('a search exports every result as CSV, with where each matched and its full link', async () => {
  const page = await chromium.newPage(DESKTOP);
  const search = await new SearchPage(page, server.base).open('search/?q=%E4%BA%BA%E6%89%8D');
  const count = Number((await search.testid('search-count').textContent()).match(/\d+/)[0]);
  assert.ok(count > 5, `${count} results`);
  const [file] = await Promise.all([page.waitForEvent('download'), search.testid('search-csv').click()]);
  const bytes = await streamBytes(await file.createReadStream());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').trim().split('\r\n');
  // Every result, not only the few the overview shows.
  assert.equal(lines.length, 1 + count);
  assert.ok(lines[1].includes(`${server.base}`), lines[1]);
  await page.context().close();
});

test('a saved list downloads as CSV with each item’s GB/T 7714 citation', async () => {
  const page = await chromium.newPage(DESKTOP);
  const policy = byNumber('粤府〔2021〕53号');
  const expert = corpus.issues[0].recommendations[0];
  const saved = await new SavedPage(page, server.base).open(`saved/?ids=${policy.id},${expert.id}`);
  const [file] = await Promise.all([page.waitForEvent('download'), saved.testid('saved-csv').click()]);
  const bytes = await streamBytes(await file.createReadStream());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[1].includes(`${policy.short_title}: ${policy.doc_number}[EB/OL]`), lines[1]);
  assert.ok(lines[1].includes(`${server.base}policy/${policy.id}/`), lines[1]);
  assert.ok(lines[2].includes(`专家建议（${expert.position}）[EB/OL]`), lines[2]);
  await page.context().close();
});

async function streamBytes(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

test('an item leads on to the next of its kind and back, in the issue\'s order (phone)', async () => {
  const issue = corpus.issues[0];
  const page = await chromium.newPage(PHONE);
  const app = await new AppPage(page, server.base).open(`problem/${issue.problems[0].id}/`);
  assert.equal(await app.testid('previous-item').count(), 0, 'the first problem has none before it');
  for (const problem of issue.problems.slice(1)) {
    await app.testid('next-item').click();
    await page.waitForURL((u) => u.pathname.endsWith(`problem/${problem.id}/`));
    await app.testid('item-title').filter({ hasText: problem.title }).waitFor();
    // The focus goes to the new page's content, not the "next" link far down it.
    await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 });
  }
  assert.equal(await app.testid('next-item').count(), 0, 'the last problem has none after it');
  await app.testid('previous-item').click();
  await page.waitForURL((u) => u.pathname.endsWith(`problem/${issue.problems.at(-2).id}/`));
  // A policy in the middle of the source's tables: its neighbours are the policies beside it.
  const at = 15;
  await app.open(`policy/${issue.policies[at].id}/`);
  assert.equal(await app.testid('previous-item').getAttribute('href'), `policy/${issue.policies[at - 1].id}/`);
  assert.equal(await app.testid('next-item').getAttribute('href'), `policy/${issue.policies[at + 1].id}/`);
  assert.match(await app.testid('next-item').textContent(), new RegExp(`^下一项${issue.policies[at + 1].short_title.slice(0, 8)}`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
