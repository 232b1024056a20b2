import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FunderClientWithSecret } from './types'

/** A read-only value with a copy button; the outcome of copying is announced. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('funders.secret.copy')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'yes' ? t('funders.secret.copied') : copied === 'failed' ? t('funders.secret.copyFailed') : ''}
      </p>
    </div>
  )
}

/**
 * The client secret right after it was made: shown this once, with a copy button and a clear warning.
 * It takes focus so the warning is read out, and it stays until the administrator says the secret is stored.
 */
export function SecretOnce({
  client,
  rotated,
  onDone,
}: {
  client: FunderClientWithSecret
  rotated: boolean
  onDone: () => void
}) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [client.client_secret])
  return (
    <section className="alert alert-warning secret-once" aria-labelledby="secret-once-heading">
      <h2 id="secret-once-heading" ref={heading} tabIndex={-1}>
        {rotated ? t('funders.secret.rotatedTitle') : t('funders.secret.createdTitle')}: {client.name}
      </h2>
      <p>
        <strong>{t('funders.secret.warning')}</strong>
      </p>
      {rotated ? <p>{t('funders.secret.rotatedWarning')}</p> : null}
      <CopyField label={t('funders.secret.clientId')} value={client.client_id} />
      <CopyField label={t('funders.secret.clientSecret')} value={client.client_secret} />
      <button type="button" className="button" onClick={onDone}>
        {t('funders.secret.done')}
      </button>
    </section>
  )
}
