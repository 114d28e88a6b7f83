// Issue 2: the release build loads in Chromium and renders what the shipped JSON holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, launch } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import { shippedCorpus } from './support/corpus.mjs';
import { PolicyListPage } from './pages/app.mjs';

let server;
let chromium;
before(async () => {
  server = await serveDist();
  chromium = await launch();
});
after(async () => {
  await chromium?.close();
  server?.stop();
});


for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the policy list shows every shipped policy (${name})`, async () => {
    const expected = (await shippedCorpus(server.base)).policies.length;
    assert.ok(expected > 0, 'the shipped corpus has policies');
    const page = await chromium.newPage(device);
    const list = await new PolicyListPage(page, server.base).open('policies');
    await list.items().first().waitFor();
    assert.equal(await list.items().count(), expected);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
