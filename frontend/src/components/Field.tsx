import { type ReactNode, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

interface FieldProps {
  label: string
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true; required?: boolean }) => ReactNode
  id?: string
  /** A date input: shows the Dutch format hint (dd-mm-jjjj), read out with the control. */
  date?: boolean
}

/** A label, the control, an optional hint and the error for that control, wired together for assistive tech. */
export function Field({ label, error, hint, required, children, id: givenId, date }: FieldProps) {
  const { t } = useTranslation()
  const generated = useId()
  const id = givenId ?? generated
  const hintId = hint ? `${id}-hint` : undefined
  const formatId = date ? dateHintId(id) : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [formatId, hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> {t('form.optional')}</span>}
      </label>
      {date ? <DateHint id={id} /> : null}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { required: true } : {}),
      })}
    </div>
  )
}

export const dateHintId = (inputId: string) => `${inputId}-format`

/** The Dutch date format (dd-mm-jjjj) beside a date input; give the input `aria-describedby={dateHintId(id)}`. */
export function DateHint({ id }: { id: string }) {
  const { t } = useTranslation()
  return (
    <p className="hint date-hint" id={dateHintId(id)}>
      {t('form.dateFormat')}
    </p>
  )
}

/** Lists every problem at the top of a form with links to the fields, and takes focus so it is read out. */
export function ErrorSummary({
  errors,
  labels,
  detail,
  fieldPrefix = 'field-',
}: {
  errors: Record<string, string>
  labels: Record<string, string>
  detail?: string | null | undefined
  fieldPrefix?: string
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors)
  const visible = entries.length > 0 || Boolean(detail)
  useEffect(() => {
    if (visible) ref.current?.focus()
  }, [errors, detail, visible])
  if (!visible) return null
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p className="alert-title">{t('form.summaryTitle')}</p>
      {detail ? <p>{detail}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${fieldPrefix}${field}`}
                onClick={(event) => {
                  event.preventDefault()
                  document.getElementById(`${fieldPrefix}${field}`)?.focus()
                }}
              >
                {labels[field] ? `${labels[field]}: ` : ''}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
