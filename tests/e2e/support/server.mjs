// A plain static server (python's http.server: no rewrite rules, no SPA fallback) over a copy
// of dist/, so every test sees exactly what a user's static host would serve.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitUntilUp(url, ms = 10000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Serves a fresh copy of dist/ at `mount` (e.g. '/' or '/some/sub/folder/') and returns
 * { origin, base, root, stop }. `base` is the app's URL, ending in '/'.
 */
export async function serveDist({ mount = '/' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cankao-e2e-'));
  cpSync(DIST, join(root, mount), { recursive: true });
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const base = origin + mount;
  await waitUntilUp(base);
  return {
    origin,
    base,
    root,
    stop() {
      proc.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
