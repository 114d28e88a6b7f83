// Issue 2: the release build loads in Chromium and renders what the shipped JSON holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, launch } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
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

/** The number of policies in the JSON the server ships, read the way the app reads it. */
async function shippedPolicyCount(base) {
  const manifest = await (await fetch(base + 'data/manifest.json')).json();
  let count = 0;
  for (const entry of manifest.issues) {
    const shipped = await (await fetch(base + 'data/' + entry.file)).json();
    count += shipped.issue.policies.length;
  }
  return count;
}

for (const [name, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the policy list shows every shipped policy (${name})`, async () => {
    const expected = await shippedPolicyCount(server.base);
    assert.ok(expected > 0, 'the shipped corpus has policies');
    const page = await chromium.newPage(device);
    const list = await new PolicyListPage(page, server.base).open('policies');
    await list.items().first().waitFor();
    assert.equal(await list.items().count(), expected);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
