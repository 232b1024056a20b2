import { onlineManager, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A Dutch message while the browser is offline; queries retry by themselves when the network is back. */
export function OfflineBanner() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [online, setOnline] = useState(() => onlineManager.isOnline())
  const [cameBack, setCameBack] = useState(false)
  useEffect(
    () =>
      onlineManager.subscribe((isOnline) => {
        setOnline(isOnline)
        setCameBack(isOnline)
      }),
    [],
  )
  if (online && !cameBack) return null
  return (
    <div className="offline-banner">
      {online ? (
        <div className="alert alert-success" role="status">
          <p>{t('workday.offline.back')}</p>
        </div>
      ) : (
        <div className="alert alert-info" role="status">
          <p className="alert-title">{t('workday.offline.title')}</p>
          <p>{t('workday.offline.body')}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void queryClient.refetchQueries({ type: 'active' })}
          >
            {t('workday.offline.retry')}
          </button>
        </div>
      )}
    </div>
  )
}
