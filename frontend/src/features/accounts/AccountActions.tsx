import './accounts.css'
import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, User } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { Alert } from '../../components/States'
import { useResetPassword, useUpdateUser } from './queries'

const ROLES: readonly Role[] = ['supporter', 'coordinator', 'admin']

/** An administrator's actions on a colleague's account: role, deactivate or reactivate, a new password. */
export function AccountActions({ user }: { user: User }) {
  const { t } = useTranslation()
  const [role, setRole] = useState<Role>(user.role)
  const [done, setDone] = useState<string | null>(null)
  const update = useUpdateUser()
  const { detail } = formErrors(update.error, {}, [], t)
  const prefix = `account-${user.id}`

  function saveRole(event: SyntheticEvent) {
    event.preventDefault()
    setDone(null)
    update.mutate(
      { id: user.id, body: { role } },
      {
        onSuccess: (saved) =>
          setDone(t('accounts.roleSaved', { name: saved.full_name, role: t(`roles.${saved.role}`) })),
      },
    )
  }

  function toggleActive() {
    setDone(null)
    if (user.is_active && !globalThis.confirm(t('accounts.confirmDeactivate', { name: user.full_name }))) return
    update.mutate(
      { id: user.id, body: { is_active: !user.is_active } },
      {
        onSuccess: (saved) =>
          setDone(t(saved.is_active ? 'accounts.reactivated' : 'accounts.deactivated', { name: saved.full_name })),
      },
    )
  }

  return (
    <details className="account-actions">
      <summary aria-label={t('accounts.manageLabel', { name: user.full_name })}>{t('accounts.manage')}</summary>
      <div className="account-actions-body">
        {done ? (
          <Alert kind="success">
            <p>{done}</p>
          </Alert>
        ) : null}
        {detail ? (
          <Alert kind="error">
            <p>{detail}</p>
          </Alert>
        ) : null}
        <form onSubmit={saveRole} className="form form-inline">
          <Field id={`${prefix}-role`} label={t('accounts.role')} required>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={update.isPending || role === user.role}>
            {t('accounts.saveRole')}
          </button>
        </form>
        <p>
          <button type="button" className="button button-secondary" disabled={update.isPending} onClick={toggleActive}>
            {user.is_active ? t('accounts.deactivate') : t('accounts.reactivate')}
          </button>
        </p>
        <ResetPassword user={user} />
      </div>
    </details>
  )
}

function ResetPassword({ user }: { user: User }) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState(false)
  const reset = useResetPassword()
  const { fields, detail } = formErrors(reset.error, clientErrors, ['new_password'], t)
  const id = `account-${user.id}-password`

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    setDone(false)
    const missing: Record<string, string> = password ? {} : { new_password: t('form.required') }
    setClientErrors(missing)
    if (!password) return
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          setPassword('')
          setDone(true)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <h3>{t('accounts.resetTitle')}</h3>
      {done ? (
        <Alert kind="success">
          <p>{t('accounts.resetDone', { name: user.full_name })}</p>
        </Alert>
      ) : null}
      <ErrorSummary
        errors={fields}
        labels={{ new_password: t('accounts.resetPassword') }}
        detail={detail}
        fieldPrefix={`${id}-`}
      />
      <Field
        id={`${id}-new_password`}
        label={t('accounts.resetPassword')}
        hint={t('accounts.resetHint', { name: user.full_name })}
        error={fields.new_password}
        required
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={reset.isPending}>
          {t('accounts.reset')}
        </button>
      </div>
    </form>
  )
}
