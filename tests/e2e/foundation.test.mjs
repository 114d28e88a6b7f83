// Issue 2: the release build loads in Chromium and renders what the shipped JSON holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeApp, openApp } from './support/app.mjs';
import { DESKTOP, PHONE } from './support/browser.mjs';
import { AppPage, PolicyListPage } from './pages/app.mjs';

let server;
let chromium;
let corpus;
before(async () => ({ server, chromium, corpus } = await openApp()));
after(() => closeApp({ server, chromium }));

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the policy list shows every shipped policy (${name})`, async () => {
    const expected = corpus.policies.length;
    assert.ok(expected > 0, 'the shipped corpus has policies');
    const page = await chromium.newPage(device);
    const list = await new PolicyListPage(page, server.base).open('policies');
    await list.items().first().waitFor();
    assert.equal(await list.items().count(), expected);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('each cover highlight on the home page opens the article it announces', async () => {
  const issue = corpus.issues.at(-1);
  const page = await chromium.newPage(PHONE);
  const home = await new AppPage(page, server.base).open('');
  const links = home.testid('highlights').locator('a');
  await links.first().waitFor();
  // The app keeps the prerendered page's title: the issue's (a link shared from the browser's
  // menu takes it).
  assert.equal(await page.title(), `${issue.meta.title} · 参考`);
  const { highlights } = issue.meta;
  assert.equal(await links.count(), highlights.length);
  await links.last().click();
  const article = issue.articles.find((a) => a.id === issue.editorial.cover[highlights.at(-1).title]);
  assert.equal(await home.testid('item-title').textContent(), article.title);
  assert.equal(home.relativeUrl(), `article/${article.id}/`);
  await page.context().close();
});
