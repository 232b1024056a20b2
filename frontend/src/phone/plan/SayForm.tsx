import { type SyntheticEvent, useId, useState } from 'react'
import { usePhoneTranslation } from '../i18n'

interface Props {
  label: string
  hint: string
  button: string
  onSend: (text: string) => Promise<boolean>
  onCancel?: () => void
}

/** A short text in the member's own words (a new goal, or a comment on a goal). */
export function SayForm({ label, hint, button, onSend, onCancel }: Props) {
  const { t } = usePhoneTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [empty, setEmpty] = useState(false)

  async function submit(event: SyntheticEvent) {
    event.preventDefault()
    if (!text.trim()) {
      setEmpty(true)
      return
    }
    setBusy(true)
    const sent = await onSend(text.trim())
    setBusy(false)
    if (sent) setText('')
  }

  return (
    <form className="ph-say" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="ph-muted">
        {hint}
      </p>
      <textarea
        id={id}
        value={text}
        maxLength={500}
        rows={3}
        aria-describedby={`${id}-hint`}
        aria-invalid={empty || undefined}
        onChange={(event) => {
          setText(event.target.value)
          setEmpty(false)
        }}
      />
      {empty && (
        <p className="ci-error" role="alert">
          {t('phone.sayEmpty')}
        </p>
      )}
      <button type="submit" className="ci-button" aria-disabled={busy || undefined}>
        {busy ? t('checkin.sending') : button}
      </button>
      {onCancel && (
        <button type="button" className="ci-link" onClick={onCancel}>
          {t('phone.cancel')}
        </button>
      )}
    </form>
  )
}
