import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import type { TFunction } from 'i18next'
import { ApiError } from '../../api/errors'
import { problemText } from '../../api/problemText'
import { Field } from '../../components/Field'
import { LanguageSwitch, SkipLink } from '../../components/Layout'
import { PageHeading } from '../../components/Page'
import { useFormValues } from '../../components/useFormValues'
import { Alert, Loading } from '../../components/States'
import { useAuth } from './AuthContext'

interface LoginState {
  from?: string
  expired?: boolean
}

function loginError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter
        ? t('login.throttledFor', { count: Math.ceil(error.retryAfter / 60) })
        : t('login.throttled')
    }
    if (error.status === 400 || error.status === 401) return t('login.wrongCredentials')
    if (error.status >= 500) return t('errors.server')
    return problemText(error, t) ?? t('errors.generic')
  }
  return t('errors.network')
}

export function LoginPage() {
  const { t } = useTranslation()
  const { status, me, signIn } = useAuth()
  const navigate = useNavigate()
  const state = (useLocation().state ?? {}) as LoginState
  // No draft: a password is never kept.
  const form = useFormValues(() => ({ email: '', password: '' }))
  const { email, password } = form.values
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const target = state.from && state.from !== '/login' ? state.from : '/'

  if (status === 'authenticated' && me && !busy) return <Navigate to={target} replace />

  async function submit(event: SyntheticEvent) {
    event.preventDefault()
    if (!email.trim() || !password) {
      setError(t('login.fillBoth'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
      void navigate(target, { replace: true })
    } catch (caught) {
      setError(loginError(caught, t))
      setBusy(false)
    }
  }

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <span className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Bondgenoot</span>
          </span>
          <div className="user-menu">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main-narrow">
        {status === 'unknown' ? (
          <Loading />
        ) : (
          <div className="card login-card">
            <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
            <p className="lead">{t('login.intro')}</p>
            {state.expired ? (
              <Alert kind="info" title={t('login.expiredTitle')}>
                <p>{t('login.expiredBody')}</p>
              </Alert>
            ) : null}
            {error ? (
              <Alert kind="error">
                <p>{error}</p>
              </Alert>
            ) : null}
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Field label={t('login.email')} required>
                {(props) => (
                  <input
                    {...props}
                    type="email"
                    name="email"
                    autoComplete="username"
                    value={email}
                    onChange={(e) => form.set('email', e.target.value)}
                  />
                )}
              </Field>
              <Field label={t('login.password')} required>
                {(props) => (
                  <input
                    {...props}
                    type="password"
                    name="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => form.set('password', e.target.value)}
                  />
                )}
              </Field>
              <button type="submit" className="button button-wide" disabled={busy}>
                {busy ? t('login.busy') : t('login.submit')}
              </button>
            </form>
          </div>
        )}
      </main>
    </>
  )
}
