// A static server for one built dist/, the way a good static host serves it: no rewrite rules,
// every file precompressed (brotli q11, gzip -9) and sent in the encoding the browser accepts.
// `Cache-Control: no-cache` with no validators makes every benchmark run download everything.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzip9 = promisify(gzip);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Already-compressed formats are sent as they are, like any host does; their gzip and brotli
// sizes are still computed, for the report.
const SENT_UNCOMPRESSED = new Set(['.png', '.jpg', '.ico', '.woff2']);

function contentType(file) {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Every file under `root`, as posix paths relative to it, and every folder. */
function walk(root) {
  const files = [];
  const dirs = new Set(['']);
  const visit = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs.add(path);
        visit(path);
      } else if (entry.isFile()) {
        files.push(path);
      }
    }
  };
  visit('');
  return { files, dirs };
}

async function compress(raw) {
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip9(raw, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

/** Runs `task` over `items` with at most `limit` in flight (zlib's thread pool does the work). */
async function eachLimited(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Which of br and gzip the request accepts, best first (q=0 refuses). */
function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  return ['br', 'gzip'].filter((e) => accepted.has(e) || accepted.has('*'));
}

/**
 * Precompresses every file of `dist` and serves it on 127.0.0.1 (a free port unless given).
 * Returns { origin, resolve(pathname), sizes(file), stop() }: `resolve` says which file of dist/
 * (and which status) a URL path is answered with, `sizes` gives that file's raw, gzip and brotli
 * byte counts.
 */
export async function startServer(dist, { port = 0 } = {}) {
  const { files, dirs } = walk(dist);
  const entries = new Map();
  await eachLimited(files, availableParallelism() * 2, async (file) => {
    const raw = readFileSync(join(dist, file));
    entries.set(file, { raw, ...(await compress(raw)) });
  });

  function resolve(pathname) {
    let rel;
    try {
      rel = posix.normalize(decodeURIComponent(pathname)).replace(/^\/+/, '');
    } catch {
      return { status: 400 };
    }
    if (rel.startsWith('..')) return { status: 400 };
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (entries.has(rel)) return { status: 200, file: rel };
    // A folder named without its trailing slash: redirect, as static hosts do, so relative
    // URLs in its index.html resolve against the folder.
    if (dirs.has(rel) && entries.has(`${rel}/index.html`)) return { status: 301, location: `${pathname}/` };
    return { status: 404, file: entries.has('404.html') ? '404.html' : undefined };
  }

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url, 'http://host');
    const target = resolve(url.pathname);
    if (target.status === 301) {
      res.writeHead(301, { Location: target.location + url.search, 'Cache-Control': 'no-cache' }).end();
      return;
    }
    if (!target.file) {
      res.writeHead(target.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const entry = entries.get(target.file);
    const headers = {
      'Content-Type': contentType(target.file),
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    let body = entry.raw;
    if (!SENT_UNCOMPRESSED.has(extname(target.file))) {
      const encoding = acceptedEncodings(req.headers['accept-encoding'])
        .find((e) => entry[e].length < entry.raw.length);
      if (encoding) {
        headers['Content-Encoding'] = encoding;
        body = entry[encoding];
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(target.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    resolve,
    sizes(file) {
      const entry = entries.get(file);
      return entry && { raw: entry.raw.length, gzip: entry.gzip.length, br: entry.br.length };
    },
    stop: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(ok);
    }),
  };
}
