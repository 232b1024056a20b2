import { type SyntheticEvent, useState } from 'react'
import { usePhoneTranslation } from './i18n'
import { Pictogram } from './Pictogram'

interface Props {
  busy: boolean
  message: string | null
  onSubmit: (code: string) => void
}

/** Six digits, typed on a number pad; spaces and dashes are fine (the API ignores them too). */
export function CodeForm({ busy, message, onSubmit }: Props) {
  const { t } = usePhoneTranslation()
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState(false)
  const error = missing ? t('checkin.codeMissing') : message

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const digits = code.replace(/[\s.-]/g, '')
    if (!/^\d{6}$/.test(digits)) {
      setMissing(true)
      return
    }
    setMissing(false)
    onSubmit(digits)
  }

  return (
    <form onSubmit={submit} noValidate className="ci-card ci-code">
      <h2>{t('checkin.codeTitle')}</h2>
      <p>{t('checkin.codeIntro')}</p>
      <label className="ci-label" htmlFor="ci-code">
        <Pictogram name="key" />
        {t('checkin.codeLabel')}
      </label>
      {error && (
        <p className="ci-error" id="ci-code-error" role="alert">
          {error}
        </p>
      )}
      <input
        id="ci-code"
        className="ci-code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={11}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'ci-code-error' : undefined}
      />
      <button type="submit" className="ci-button" aria-disabled={busy || undefined}>
        {busy ? t('checkin.codeChecking') : t('checkin.codeButton')}
      </button>
    </form>
  )
}
