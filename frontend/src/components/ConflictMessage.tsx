import { useTranslation } from 'react-i18next'

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
