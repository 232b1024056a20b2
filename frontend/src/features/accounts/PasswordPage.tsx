import './accounts.css'
import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { PageHeading } from '../../components/Page'
import { Alert } from '../../components/States'
import { useChangePassword } from './queries'
import { useFormValues } from '../../components/useFormValues'

const FIELDS = ['current_password', 'new_password', 'repeat'] as const
type Values = Record<(typeof FIELDS)[number], string>

/** Change your own password: the other sessions end, this one goes on with new tokens. */
export function PasswordPage() {
  const { t } = useTranslation()
  const { values, set, reset } = useFormValues<Values>(() => ({ current_password: '', new_password: '', repeat: '' }))
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  const change = useChangePassword()
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`accounts.password.${f}`)]))
  const { fields, detail } = formErrors(change.error, clientErrors, FIELDS, t)
  const title = t('accounts.password.title')

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    setSaved(false)
    const problems: Record<string, string> = {}
    for (const f of FIELDS) if (!values[f]) problems[f] = t('form.required')
    if (!problems.repeat && values.repeat !== values.new_password) problems.repeat = t('accounts.password.mismatch')
    setClientErrors(problems)
    if (Object.keys(problems).length > 0) return
    change.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          reset()
          setSaved(true)
        },
      },
    )
  }

  const input = (name: (typeof FIELDS)[number], autoComplete: string) => (
    <Field
      id={`field-${name}`}
      label={labels[name] ?? ''}
      hint={name === 'new_password' ? t('accounts.password.hint') : undefined}
      error={fields[name]}
      required
    >
      {(p) => (
        <input
          {...p}
          type="password"
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  )

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <section className="card password-card" aria-labelledby="password-heading">
        <h2 id="password-heading" className="visually-hidden">
          {title}
        </h2>
        <p>{t('accounts.password.intro')}</p>
        {saved ? (
          <Alert kind="success">
            <p>{t('accounts.password.saved')}</p>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary errors={fields} labels={labels} detail={detail} />
          {input('current_password', 'current-password')}
          {input('new_password', 'new-password')}
          {input('repeat', 'new-password')}
          <div className="form-actions">
            <button type="submit" className="button" disabled={change.isPending}>
              {t('accounts.password.save')}
            </button>
          </div>
        </form>
      </section>
    </>
  )
}
