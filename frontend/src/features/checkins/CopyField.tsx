import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** A read-only value with a copy button; "Gekopieerd" is announced, and a failure says what to do instead. */
export function CopyField({
  label,
  value,
  copyLabel,
  large,
}: {
  label: string
  value: string
  copyLabel: string
  large?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className="ck-copy">
      <label htmlFor={id}>{label}</label>
      <div className="ck-copy-row">
        <input
          id={id}
          className={large ? 'ck-copy-value ck-copy-code' : 'ck-copy-value'}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p className="ck-copy-status" role="status">
        {state === 'copied' ? t('checkins.links.copied') : state === 'failed' ? t('checkins.links.copyFailed') : ''}
      </p>
    </div>
  )
}
