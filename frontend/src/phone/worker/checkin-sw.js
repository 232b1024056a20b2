/* global self, caches */
/* Service worker of the family check-in page (/c). Hand-written and small on purpose.
 *
 * Scope /c: it controls only the check-in page, never the staff app. It keeps the app shell (the page, its scripts and
 * styles, the manifest and icons) so the page opens without a connection; the API (/api/) is never cached: check-ins
 * kept offline wait in the page's own storage with their Idempotency-Key and are sent by the page.
 *
 * The build (vite.config.ts) writes this file to dist/checkin-sw.js with the cache named after a content hash of the
 * built files: every deploy that changes them installs a new worker, whose activation deletes the older caches.
 */
const CACHE = 'bondgenoot-checkin-__ASSETS_HASH__'
const SHELL = ['/c', '/checkin-manifest.json', '/favicon.svg', '/checkin-icon-192.png']

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('bondgenoot-checkin-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  )
})

// The page tells which scripts and styles it loaded before this worker existed (the first visit).
self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return
  const urls = data.urls.filter(
    (url) => new URL(url).origin === self.location.origin && new URL(url).pathname.startsWith('/assets/'),
  )
  event.waitUntil(
    caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined)))),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return

  if (request.mode === 'navigate') {
    if (url.pathname !== '/c') return
    // The page itself: the newest when online (a new version), the kept one without a connection.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone()
            void caches.open(CACHE).then((cache) => cache.put('/c', copy))
          }
          return response
        })
        .catch(() => caches.match('/c').then((cached) => cached || Response.error())),
    )
    return
  }

  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    // Built files have a content hash in their name: once kept, they never change.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone()
              void caches.open(CACHE).then((cache) => cache.put(request, copy))
            }
            return response
          }),
      ),
    )
  }
})
