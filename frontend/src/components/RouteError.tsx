import { useTranslation } from 'react-i18next'
import { Link, useRouteError } from 'react-router'

const RELOADED = 'bondgenoot.chunk-reload'

/** A code chunk that no longer exists after a deploy: the browser still runs the old version of the app. */
export function isChunkError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error)
  return /dynamically imported module|Importing a module script failed|ChunkLoadError|error loading dynamically/i.test(message)
}

/** Reload once for a missing chunk (not again within a minute, when the reload did not help); true when it did. */
export function reloadOnceForChunk(error: unknown): boolean {
  if (!isChunkError(error)) return false
  const last = Number(sessionStorage.getItem(RELOADED) ?? 0)
  if (Date.now() - last < 60_000) return false
  sessionStorage.setItem(RELOADED, String(Date.now()))
  window.location.reload()
  return true
}

/** The route-level error page: Dutch, with "opnieuw laden", never the router's developer page. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation()
  const error = useRouteError()
  const reloading = reloadOnceForChunk(error)
  if (reloading) return null
  const page = (
      <section className="card route-error" role="alert">
        <h1>{t('workday.error.title')}</h1>
        <p>{isChunkError(error) ? t('workday.error.chunk') : t('workday.error.body')}</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('workday.error.reload')}
          </button>{' '}
          <Link to="/">{t('workday.error.home')}</Link>
        </p>
      </section>
  )
  return standalone ? (
    <main id="main" className="main">
      {page}
    </main>
  ) : (
    page
  )
}
