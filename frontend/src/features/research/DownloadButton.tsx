import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, errorText } from '../../components/States'
import { formatNumber } from '../../i18n/format'
import { downloadDataset } from './queries'

function kilobytes(bytes: number): string {
  return formatNumber(Math.round(bytes / 1024))
}

/** Download the dataset while it streams: the bytes received so far are shown, the file is saved at the end. */
export function DownloadButton({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const [received, setReceived] = useState<number | null>(null)
  const [done, setDone] = useState<number | null>(null)
  const [error, setError] = useState<unknown>(null)
  const abort = useRef<AbortController | null>(null)
  const busy = received !== null

  async function start() {
    setError(null)
    setDone(null)
    setReceived(0)
    abort.current = new AbortController()
    try {
      const blob = await downloadDataset(projectId, setReceived, abort.current.signal)
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `onderzoek-${projectId.slice(0, 8)}.zip`
      link.click()
      URL.revokeObjectURL(link.href)
      setDone(blob.size)
    } catch (caught) {
      if (!abort.current.signal.aborted) setError(caught)
    } finally {
      setReceived(null)
    }
  }

  return (
    <div className="research-download">
      <div className="research-buttons">
        <button type="button" className="button" disabled={busy} onClick={() => void start()}>
          {t('research.download.button')}
        </button>
        {busy ? (
          <button type="button" className="button button-secondary" onClick={() => abort.current?.abort()}>
            {t('research.download.cancel')}
          </button>
        ) : null}
      </div>
      <p className="muted" role="status" aria-live="polite">
        {busy
          ? t('research.download.progress', { kb: kilobytes(received) })
          : done !== null
            ? t('research.download.done', { kb: kilobytes(done) })
            : t('research.download.hint')}
      </p>
      {busy ? <progress aria-label={t('research.download.progressLabel')} /> : null}
      {error ? (
        <Alert kind="error" title={t('research.download.failed')}>
          {errorText(error, t)}
        </Alert>
      ) : null}
    </div>
  )
}
