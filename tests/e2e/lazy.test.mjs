// Issues 8 and 9: a series of several issues. The first view loads one issue; the others'
// outlines (the catalog) follow, and an issue's texts arrive when one of its items is opened.
// Each later load that fails degrades only the part that needed it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, launch } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import { AppPage, PolicyListPage } from './pages/app.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ISSUES = 3;
// A policy of the real issue and its copy in the oldest generated issue.
const NEWEST = 'yuefu-2021-53';
const OLDER = `${NEWEST}-g2`;

let chromium;
let server;
before(async () => {
  chromium = await launch();
  server = await serveDist();
  // The corpus tool writes the same corpus as if it had three issues (ids and dates remapped,
  // text reused) into the served copy, from the page template the build kept.
  cpSync(join(REPO, 'public/sw.js'), join(server.root, 'sw.js'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'cankao-tool', '--', 'site', 'data/corpus', server.root,
    '--scale', String(ISSUES), '--template', 'target/index.template.html'], { cwd: REPO, stdio: 'inherit' });
});
after(async () => {
  server?.stop();
  await chromium?.close();
});

const manifest = () => JSON.parse(readFileSync(join(server.root, 'data/manifest.json'), 'utf8'));
const fileOf = (issueId) => manifest().issues.find((i) => i.id === issueId).file;

/** A page whose data requests are recorded in `page.dataRequests` (paths under data/). */
async function recordingPage(device = DESKTOP) {
  const page = await chromium.newPage(device);
  page.dataRequests = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/data/')) page.dataRequests.push(path.slice(path.indexOf('/data/') + 6));
  });
  return page;
}

/** Waits until the policy list counts `n` policies. */
async function listed(page, n) {
  await page.waitForFunction(
    (n) => document.querySelector('#app [data-testid="result-count"]')?.textContent.includes(`共 ${n} 份`),
    n,
  );
}

/** Opens the search for 文号 粤府〔2021〕53号 (found in every issue) and follows the hit `id`. */
async function openFromSearch(page, id) {
  await page.locator('#app [data-testid="nav-search"]').click();
  await page.locator('#app [data-testid="search-input"]').fill('粤府〔2021〕53号');
  const link = page.locator(`#app [data-testid="hit"][data-id="${id}"] a.card-title`);
  await link.click();
}

/** Hides a served file for the duration of `body`, then puts it back. */
async function withoutFile(relative, body) {
  const path = join(server.root, 'data', relative);
  renameSync(path, path + '.hidden');
  try {
    await body(() => renameSync(path + '.hidden', path));
  } finally {
    try { renameSync(path + '.hidden', path); } catch { /* already back */ }
  }
}

test('the first view loads only its own issue; the catalog then brings every issue into lists and search', async () => {
  const page = await recordingPage(PHONE);
  const list = new PolicyListPage(page, server.base);
  await list.open('policies/');
  const newest = manifest().issues.at(-1);
  assert.equal(newest.id, '2023-zhizao', 'the real issue is the newest');
  // The catalog arrives: three issues' policies are listed, a page of cards at a time.
  await listed(page, 123);
  assert.equal(await list.items().count(), 50);
  await page.locator('#app [data-testid="show-more"]').click();
  assert.equal(await list.items().count(), 100);
  const issueFiles = page.dataRequests.filter((p) => p.startsWith('issues/'));
  assert.deepEqual(issueFiles, [newest.file], 'no other issue file before one of its items is opened');
  assert.equal(page.dataRequests.filter((p) => p.startsWith('catalog/')).length, manifest().catalog.length);

  // Search covers the older issues by title and says how far it reaches.
  await page.goto(server.base + 'search?q=' + encodeURIComponent('粤府〔2021〕53号'));
  await page.locator(`#app [data-testid="hit"][data-id="${OLDER}"]`).waitFor();
  assert.match(await page.locator('#app [data-testid="search-coverage"]').textContent(), /2 期只载入了目录/);
  await page.context().close();
});

test('an item of an older issue opens from its outline and its text loads on demand', async () => {
  const page = await recordingPage();
  await new AppPage(page, server.base).open('policies/');
  await listed(page, 123);
  await openFromSearch(page, OLDER);
  const title = page.locator('#app [data-testid="policy-title"]');
  await title.waitFor();
  await page.locator('#app [data-testid="policy-summary"]').waitFor();
  assert.ok(page.dataRequests.includes(fileOf('2023-zhizao-g2')), 'the older issue was fetched when opened');
  assert.ok(!page.dataRequests.includes(fileOf('2023-zhizao-g1')), 'the issue not opened was not');
  await page.context().close();
});

test('a deep link into an older issue loads that issue first, not the newest', async () => {
  const page = await recordingPage(PHONE);
  await new AppPage(page, server.base).open(`policy/${OLDER}/`);
  await page.locator('#app [data-testid="policy-summary"]').waitFor();
  const issueFiles = page.dataRequests.filter((p) => p.startsWith('issues/'));
  assert.deepEqual(issueFiles, [fileOf('2023-zhizao-g2')]);
  // A single item's page needs no catalog of the other issues.
  assert.deepEqual(page.dataRequests.filter((p) => p.startsWith('catalog/')), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an issue whose text fails to load degrades only that item\'s text, and its retry recovers', async () => {
  await withoutFile(fileOf('2023-zhizao-g1'), async (restore) => {
    const page = await recordingPage(PHONE);
    await new AppPage(page, server.base).open('policies/');
    await listed(page, 123);
    await openFromSearch(page, `${NEWEST}-g1`);
    const error = page.locator('#app [data-testid="issue-text-error"]');
    await error.waitFor();
    // What the outline knows stays: title, 文号, date; the rest of the app works.
    assert.match(await page.locator('#app [data-testid="policy-title"]').textContent(), /^广东省制造业高质量发展“十四五”规划/);
    assert.equal(await page.locator('#app [data-testid="doc-number"]').textContent(), '粤府〔2021〕53号');
    assert.ok(await page.locator('#app [data-testid="star"]').first().isVisible());
    assert.equal(await page.locator('#app [data-testid="load-error"]').count(), 0, 'no whole-app error');
    restore();
    await page.locator('#app [data-testid="issue-text-retry"]').click();
    await page.locator('#app [data-testid="policy-summary"]').waitFor();
    await page.context().close();
  });
});

test('a catalog that fails to load leaves the loaded issue working and offers a retry', async () => {
  await withoutFile(manifest().catalog[0], async (restore) => {
    const page = await recordingPage(DESKTOP);
    const list = new PolicyListPage(page, server.base);
    await list.open('policies/');
    await page.locator('#app [data-testid="catalog-error"]').waitFor();
    await listed(page, 41);
    assert.equal(await list.items().count(), 41, 'the newest issue is listed');
    // The loaded issue keeps working: one of its policies opens with its text.
    await list.items().first().locator('a').first().click();
    await page.locator('#app [data-testid="policy-summary"]').waitFor();
    restore();
    await page.locator('#app [data-testid="catalog-retry"]').click();
    await page.locator('#app [data-testid="catalog-error"]').waitFor({ state: 'detached' });
    await page.locator('#app [data-testid="nav-policies"]').click();
    await listed(page, 123);
    await page.context().close();
  });
});
