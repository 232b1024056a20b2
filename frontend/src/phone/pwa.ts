// Makes /c installable and usable offline: the manifest is linked only from this page (the staff app is not an
// installable app), and the service worker's scope is /c, so staff pages are never served from its cache.
export function setUpInstallableApp(): void {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link')
    link.rel = 'manifest'
    link.href = '/checkin-manifest.json'
    document.head.append(link)
  }
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker
    .register('/checkin-sw.js', { scope: '/c' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // The first visit loaded its scripts before the worker existed: hand it their addresses to keep.
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => new URL(url).origin === location.origin && new URL(url).pathname.startsWith('/assets/'))
      registration.active?.postMessage({ type: 'cache', urls })
    })
    .catch(() => {
      // No service worker (private mode, old browser): the page still works online.
    })
}
