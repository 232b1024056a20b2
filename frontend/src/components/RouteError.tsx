import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useRouteError } from 'react-router'

const RELOADED = 'bondgenoot.chunk-reload'

/** The page reload, behind an object so tests can watch it (jsdom cannot reload). */
export const page = { reload: () => window.location.reload() }

function offline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine
}

/** A code chunk that no longer exists after a deploy: the browser still runs the old version of the app. */
export function isChunkError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error)
  return /dynamically imported module|Importing a module script failed|ChunkLoadError|error loading dynamically/i.test(
    message,
  )
}

/**
 * Reload once for a missing chunk (not again within a minute, when the reload did not help); true when it did.
 * Never while offline: that would swap the app for the browser's own offline page. The offline page below
 * reloads when the network is back instead.
 */
export function reloadOnceForChunk(error: unknown): boolean {
  if (!isChunkError(error) || offline()) return false
  const last = Number(sessionStorage.getItem(RELOADED) ?? 0)
  if (Date.now() - last < 60_000) return false
  sessionStorage.setItem(RELOADED, String(Date.now()))
  page.reload()
  return true
}

/** Offline while moving to another page: say so in Dutch, and load the page by itself once the network is back. */
function useReloadWhenOnline(active: boolean) {
  useEffect(() => {
    if (!active) return undefined
    const back = () => page.reload()
    window.addEventListener('online', back)
    return () => window.removeEventListener('online', back)
  }, [active])
}

/** The route-level error page: Dutch, with "opnieuw laden", never the router's developer page. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation()
  const error = useRouteError()
  const isOffline = offline()
  useReloadWhenOnline(isOffline)
  const reloading = reloadOnceForChunk(error)
  if (reloading) return null
  const body = isOffline
    ? t('workday.offline.page')
    : isChunkError(error)
      ? t('workday.error.chunk')
      : t('workday.error.body')
  const content = (
    <section className="card route-error" role="alert">
      <h1>{isOffline ? t('workday.offline.title') : t('workday.error.title')}</h1>
      <p>{body}</p>
      <p>
        <button type="button" className="button" onClick={() => page.reload()}>
          {t('workday.error.reload')}
        </button>{' '}
        <Link to="/">{t('workday.error.home')}</Link>
      </p>
    </section>
  )
  return standalone ? (
    <main id="main" className="main">
      {content}
    </main>
  ) : (
    content
  )
}
