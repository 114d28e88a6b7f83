// Cankao's service worker: the app and its corpus work offline after the first visit.
// cankao-tool replaces the two placeholders below at build time.
'use strict';
const VERSION = '__CANKAO_VERSION__';
const PRECACHE = __CANKAO_PRECACHE__;
const CACHE = 'cankao-' + VERSION;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, SCOPE).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cankao-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Names carrying a content hash never change (Trunk's hashes drop leading zeros): cache first. Pages and data/manifest.json do
// change: network first, so a new corpus is picked up on the next online visit.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$|\/data\/(issues|catalog)\/.+\.[0-9a-f]{10}\.json$/;

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    if (request.mode === 'navigate') return shellFor(new URL(request.url));
    throw offline;
  }
}

// A deep link never visited online: the app's shell, with <base> pointing back to the root
// from the link's depth; the app then renders the route itself.
async function shellFor(url) {
  const shell = await caches.match(new URL('./', SCOPE).href);
  if (!shell) return Response.error();
  const rest = url.pathname.slice(SCOPE.pathname.length);
  const depth = rest.split('/').length - 1;
  const base = depth > 0 ? '../'.repeat(depth) : './';
  const html = (await shell.text()).replace('<base href="./">', `<base href="${base}">`);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(HASHED.test(new URL(request.url).pathname) ? cacheFirst(request) : networkFirst(request));
});
