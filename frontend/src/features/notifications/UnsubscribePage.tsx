import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { components } from '../../api/schema'
import { LanguageSwitch } from '../../components/Layout'
import { Alert } from '../../components/States'
import './notifications.css'

type State = { kind: 'ready' } | { kind: 'busy' } | { kind: 'done'; channel: string } | { kind: 'invalid' }

/** The opt-out link from a message: no login; the token stays in the #fragment until the button is pressed
 * (a GET never opts anyone out, so link checkers in mail programs cannot do it by accident). */
export function UnsubscribePage() {
  const { t } = useTranslation()
  const [state, setState] = useState<State>({ kind: 'ready' })
  const token = globalThis.location.hash.replace(/^#/, '')
  useEffect(() => {
    document.title = `${t('notifications.unsubscribe.title')} · Bondgenoot`
  }, [t])
  const confirm = async () => {
    setState({ kind: 'busy' })
    try {
      const response = await fetch(`/api/v1/notifications/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' })
      if (!response.ok) return setState({ kind: 'invalid' })
      const body = (await response.json()) as components['schemas']['UnsubscribeResult']
      setState({ kind: 'done', channel: t(`notifications.channel.${body.channel}`).toLowerCase() })
    } catch {
      setState({ kind: 'invalid' })
    }
  }
  return (
    <main id="main" className="main unsubscribe-page">
      <p className="unsubscribe-language">
        <LanguageSwitch />
      </p>
      <h1>{t('notifications.unsubscribe.title')}</h1>
      {state.kind === 'done' ? (
        <Alert kind="success">
          <p>{t('notifications.unsubscribe.done', { channel: state.channel })}</p>
          <p>{t('notifications.unsubscribe.doneHint')}</p>
        </Alert>
      ) : state.kind === 'invalid' || !token ? (
        <Alert kind="error">
          <p>{t('notifications.unsubscribe.invalid')}</p>
        </Alert>
      ) : (
        <>
          <p className="lead">{t('notifications.unsubscribe.intro')}</p>
          <button type="button" className="button" disabled={state.kind === 'busy'} onClick={() => void confirm()}>
            {t('notifications.unsubscribe.button')}
          </button>
        </>
      )}
    </main>
  )
}
