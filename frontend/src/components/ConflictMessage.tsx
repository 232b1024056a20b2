import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/errors'
import { Alert, errorText } from './States'

/** Shown when the server answers 412: someone else saved a newer version first. */
export function ConflictMessage({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="alert alert-warning" role="alert">
      <p className="alert-title">{t('conflict.title')}</p>
      <p>{t('conflict.body')}</p>
      <button type="button" className="button" onClick={onReload}>
        {t('conflict.reload')}
      </button>
    </div>
  )
}

/** A failed save: the conflict message (with reload) on 412, otherwise the error in words; nothing without an error. */
export function SaveError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation()
  if (!error) return null
  if (isApiError(error, 412)) return <ConflictMessage onReload={onReload} />
  return (
    <Alert kind="error">
      <p>{errorText(error, t)}</p>
    </Alert>
  )
}
