// Issue 2: the release build loads in Chromium and renders what the shipped JSON holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeApp, openApp } from './support/app.mjs';
import { DESKTOP, PHONE } from './support/browser.mjs';
import { PolicyListPage } from './pages/app.mjs';

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
