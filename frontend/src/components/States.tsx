import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { problemText } from '../api/problemText'

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  )
}

/** A readable message for a failed request; the API's own detail wins when it sent one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('errors.throttled')
    if (error.status >= 500) return t('errors.server')
    const own = problemText(error, t)
    if (own) return own
    if (error.status === 403) return t('errors.forbidden')
    if (error.status === 404) return t('errors.notFound')
    return t('errors.generic')
  }
  return t('errors.network')
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('errors.title')}</p>
      <p>{errorText(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  )
}

export function Alert({
  kind,
  title,
  children,
}: {
  kind: 'error' | 'success' | 'info'
  title?: string
  children?: ReactNode
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  )
}
