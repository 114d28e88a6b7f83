// Issue 9: hostile input and failure. Each failure is run against the built app and the
// visible outcome asserted.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, isCompileFallback, launch } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import { AppPage } from './pages/app.mjs';

let chromium;
before(async () => {
  chromium = await launch();
});
after(async () => {
  await chromium?.close();
});

/** Serves a fresh copy of dist/ changed by `change(root)`, and opens the policy list cold. */
async function withBrokenServer(change, check, { device = DESKTOP, lang } = {}) {
  const server = await serveDist();
  try {
    change(server.root);
    const page = await chromium.newPage(device);
    if (lang) await page.addInitScript((l) => localStorage.setItem('cankao.lang', l), lang);
    await page.goto(server.base + 'policies/');
    await check(page, server);
    await page.context().close();
  } finally {
    server.stop();
  }
}

const manifestOf = (root) => JSON.parse(readFileSync(join(root, 'data/manifest.json'), 'utf8'));
const issuePath = (root) => join(root, 'data', manifestOf(root).issues[0].file);

async function expectError(page, headline) {
  const error = page.locator('#app [data-testid="load-error"]');
  await error.waitFor();
  assert.match(await error.locator('h1').textContent(), headline);
  assert.ok(await page.locator('#app [data-testid="retry"]').isVisible());
  return error;
}

test('a missing corpus shows a clear error with a retry, and the retry recovers', async () => {
  let saved;
  await withBrokenServer(
    (root) => {
      saved = readFileSync(join(root, 'data/manifest.json'));
      rmSync(join(root, 'data/manifest.json'));
    },
    async (page, server) => {
      await expectError(page, /找不到数据文件/);
      writeFileSync(join(server.root, 'data/manifest.json'), saved);
      await page.locator('#app [data-testid="retry"]').click();
      await page.locator('#app [data-testid="policy-results"]').waitFor();
    },
  );
});

test('a truncated corpus file shows "damaged" in Chinese, and in English when chosen', async () => {
  const truncate = (root) => {
    const p = issuePath(root);
    const text = readFileSync(p, 'utf8');
    writeFileSync(p, text.slice(0, text.length / 2));
  };
  await withBrokenServer(truncate, (page) => expectError(page, /数据文件已损坏或不完整/));
  await withBrokenServer(truncate, (page) => expectError(page, /damaged or incomplete/), { lang: 'en' });
});

test('an ill-typed corpus, a duplicate id and a dangling reference are refused with a message', async () => {
  const edit = (fn) => (root) => {
    const p = issuePath(root);
    const shipped = JSON.parse(readFileSync(p, 'utf8'));
    fn(shipped.issue);
    writeFileSync(p, JSON.stringify(shipped));
  };
  await withBrokenServer(edit((i) => { i.policies[0].date = 20230101; }), (page) => expectError(page, /已损坏或不完整/));
  await withBrokenServer(edit((i) => { i.policies[1].id = i.policies[0].id; }), async (page) => {
    const error = await expectError(page, /前后矛盾/);
    assert.match(await error.locator('pre').textContent(), /duplicate id/);
  });
  await withBrokenServer(edit((i) => { i.figures[0].item = 'no-such-item'; }), async (page) => {
    const error = await expectError(page, /前后矛盾/);
    assert.match(await error.locator('pre').textContent(), /dangling reference/);
  });
});

test('a 404, an offline first load and a slow server each get a message; slow still arrives', async () => {
  // 404 for the issue file.
  await withBrokenServer(
    (root) => rmSync(issuePath(root)),
    (page) => expectError(page, /找不到数据文件/),
  );
  // Offline on the first load: the data request fails.
  const server = await serveDist();
  try {
    const page = await chromium.newPage(PHONE);
    await page.route('**/data/**', (route) => route.abort('internetdisconnected'));
    await page.goto(server.base + 'policies/');
    await expectError(page, /网络连接失败/);
    // Back online: retry loads the data.
    await page.unroute('**/data/**');
    await page.locator('#app [data-testid="retry"]').click();
    await page.locator('#app [data-testid="policy-results"]').waitFor();
    await page.context().close();

    // A slow corpus: the prerendered page is readable meanwhile, then the app takes over.
    const slow = await chromium.newPage(PHONE);
    await slow.route('**/data/issues/**', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await slow.goto(server.base + 'policies/');
    assert.ok(await slow.locator('#prerender h1').isVisible(), 'content shows before the data arrives');
    await slow.locator('#app [data-testid="policy-results"]').waitFor({ timeout: 15000 });
    await slow.context().close();
  } finally {
    server.stop();
  }
});

test('hostile URLs: unknown ids, junk, 10 KB and broken parameters, markup — nothing runs, no panic', async () => {
  const server = await serveDist();
  try {
    const page = await chromium.newPage(DESKTOP);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const urls = [
      `search/?q=${encodeURIComponent(script)}`,
      `policies/?q=${encodeURIComponent(script)}&level=${encodeURIComponent(script)}&region=%3Cb%3E`,
      `policies/?q=${'广'.repeat(5000)}&theme=${'x'.repeat(10240)}`,
      'policies/?q=%E5%B9&level=%zz&level=central&level=central&year=abc&sort=%',
      `saved/?ids=${encodeURIComponent('<x>,a,,b')}`,
      `compare/?ind=${encodeURIComponent(script)}&cmp=${encodeURIComponent('"><svg onload=alert(3)>')}`,
      `map/?measure=${encodeURIComponent(script)}&city=%00`,
    ];
    for (const path of urls) {
      page.errors.length = 0;
      await new AppPage(page, server.base).open(path);
      assert.equal(await page.locator('#app script, #app img[src="x"], #app svg[onload]').count(), 0, path);
      assert.equal(await page.locator('[data-testid="panic"]').count(), 0, path);
      assert.deepEqual(page.errors, [], path);
    }
    // Markup typed into the search is shown as text.
    await new AppPage(page, server.base).open(`search/?q=${encodeURIComponent(script)}`);
    assert.equal(await page.locator('#app [data-testid="search-input"]').inputValue(), script);
    assert.equal(dialogs, 0);
    await page.context().close();
  } finally {
    server.stop();
  }
});

test('corrupt, foreign or oversized saved items and a full quota are survived, and the reader told', async () => {
  const server = await serveDist();
  try {
    for (const stored of ['{not json', JSON.stringify({ a: 1 }), JSON.stringify(['ok-1', 5, '<b>', 'ok-1']), JSON.stringify(Array.from({ length: 5000 }, (_, i) => `id-${i}`))]) {
      const page = await chromium.newPage(DESKTOP);
      await page.addInitScript((v) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('cankao.saved', v); sessionStorage.setItem('seeded', '1'); } }, stored);
      await new AppPage(page, server.base).open('saved/');
      await page.locator('#app [data-testid="storage-notice"]').waitFor();
      const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('cankao.saved')));
      assert.ok(Array.isArray(kept) && kept.length <= 500, stored.slice(0, 40));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
    // A full quota: saving fails, the app keeps the star for this visit and says so.
    const page = await chromium.newPage(DESKTOP);
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    const app = await new AppPage(page, server.base).open('policies/');
    await page.locator('#app [data-testid="policy-item"] [data-testid="star"]').first().click();
    await app.testid('storage-notice').waitFor();
    assert.match(await app.testid('storage-notice').textContent(), /拒绝保存/);
    assert.equal(await page.locator('#app [data-testid="policy-item"] [data-testid="star"]').first().getAttribute('aria-pressed'), 'true');
    await page.context().close();
  } finally {
    server.stop();
  }
});

test('every generated page carries a CSP that pins its inline scripts, and both wasm modules have SRI', async () => {
  const server = await serveDist();
  try {
    const { readdirSync, statSync } = await import('node:fs');
    const pages = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.html')) pages.push(p);
      }
    };
    walk(server.root);
    assert.ok(pages.length > 80);
    const { createHash } = await import('node:crypto');
    for (const p of pages) {
      const html = readFileSync(p, 'utf8');
      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.ok(csp, p);
      const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src')).split(' ');
      assert.ok(!scriptSrc.includes("'unsafe-eval'") && !scriptSrc.includes("'unsafe-inline'"), p);
      assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), p);
      for (const [, body] of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
        assert.ok(csp.includes(hash), `${p}: inline script not pinned`);
      }
      // The loader knows both modules, each wasm with its integrity, and fetches with it.
      assert.match(html, /\['\.\/cankao-[0-9a-f]+\.js', '\.\/cankao-[0-9a-f]+_bg\.wasm', 'sha384-[A-Za-z0-9+/=]+'\]/, p);
      assert.match(html, /\['\.\/cankao-full-[0-9a-f]+\.js', '\.\/cankao-full-[0-9a-f]+_bg\.wasm', 'sha384-[A-Za-z0-9+/=]+'\]/, p);
      // A worker fetches and compiles the wasm with its integrity; the page itself if that fails.
      assert.match(html, /new Worker\('wasm-compile\.js'\)/, p);
      assert.match(html, /worker\.postMessage\(\{ url: new URL\(wasmFile, document\.baseURI\)\.href, integrity \}\)/, p);
      assert.match(html, /fetch\(wasmFile, \{ integrity \}\)/, p);
      assert.doesNotMatch(html, /<link rel="preload"[^>]*application\/wasm/, p);
      // Each page preloads the module its route starts: the full one for views across regions.
      const full = /[\\/](compare|map|matrix|timeline)[\\/]index\.html$/.test(p);
      const own = full ? 'cankao-full-[0-9a-f]+' : 'cankao-[0-9a-f]+';
      assert.match(html, new RegExp(`<link rel="modulepreload" href="\\./${own}\\.js" crossorigin="anonymous" integrity="sha384-`), p);
    }
    // A tampered wasm is refused by the browser, in either module.
    for (const [path, name] of [['', /cankao-[0-9a-f]+_bg\.wasm/], ['compare/', /cankao-full-[0-9a-f]+_bg\.wasm/]]) {
      const index = readFileSync(join(server.root, path, 'index.html'), 'utf8');
      const wasm = index.match(name)[0];
      const bytes = readFileSync(join(server.root, wasm));
      bytes[bytes.length - 1] ^= 0xff;
      writeFileSync(join(server.root, wasm), bytes);
      const page = await chromium.newPage(DESKTOP);
      const refusedByWorker = page.waitForEvent('console', (m) => isCompileFallback(m) && m.text().includes(wasm));
      const failed = page.waitForEvent('console', (m) => /integrity/i.test(m.text()));
      await page.goto(server.base + path);
      await refusedByWorker;
      await failed;
      await page.context().close();
    }
  } finally {
    server.stop();
  }
});

test('a browser without AbortSignal.timeout (Safari before 16: WeChat on older iPhones) loads every kind of page', async () => {
  const server = await serveDist();
  try {
    for (const [path, ready] of [
      ['policy/yuefu-2021-53/', 'policy-date'],
      ['policies/?level=municipal', 'policy-results'],
      ['compare/?ind=industrial_value_added&cmp=guangdong~jiangsu', 'compare-chart'],
    ]) {
      const page = await chromium.newPage(PHONE);
      await page.addInitScript(() => { delete AbortSignal.timeout; });
      await page.goto(server.base + path);
      await page.locator(`#app [data-testid="${ready}"]`).waitFor({ timeout: 15000 });
      assert.equal(await page.evaluate(() => typeof AbortSignal.timeout), 'undefined');
      assert.deepEqual(page.errors, [], path);
      await page.context().close();
    }
  } finally {
    server.stop();
  }
});
