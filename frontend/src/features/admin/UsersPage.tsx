import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../api/types'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { PageHeading } from '../../components/Page'
import { PagedList } from '../../components/PagedList'
import { Alert } from '../../components/States'
import { useMe } from '../auth/AuthContext'
import { useFormValues } from '../../components/useFormValues'
import { AccountActions } from '../accounts/AccountActions'
import { useCreateUser, useUsers } from './queries'

const ROLES: readonly Role[] = ['supporter', 'coordinator', 'admin', 'researcher']
const FIELDS = ['full_name', 'email', 'role', 'password'] as const

export function UsersPage() {
  const { t } = useTranslation()
  const me = useMe()
  const [role, setRole] = useState<Role | ''>('')
  const users = useUsers(role || null)
  const items = users.data?.pages.flatMap((page) => page.items) ?? []
  const title = t('users.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <div className="two-columns">
        <section className="card" aria-labelledby="users-list-heading">
          <div className="section-heading">
            <h2 id="users-list-heading">{t('users.listTitle')}</h2>
            <div className="field field-inline">
              <label htmlFor="users-role">{t('users.filterRole')}</label>
              <select id="users-role" value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
                <option value="">{t('users.allRoles')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <PagedList query={users} count={items.length} empty={t('users.empty')} more={t('users.more')}>
            <ul className="entity-list">
              {items.map((user) => (
                <li key={user.id} className="entity">
                  <div className="entity-body">
                    <p className="entity-title">
                      {user.full_name} <span className="badge">{t(`roles.${user.role}`)}</span>
                      {user.is_active ? null : <span className="badge badge-muted">{t('accounts.inactive')}</span>}
                      {user.id === me.id ? <span className="badge">{t('accounts.you')}</span> : null}
                    </p>
                    <p className="entity-meta">{user.email}</p>
                    {me.role === 'admin' && user.id !== me.id ? <AccountActions user={user} /> : null}
                  </div>
                </li>
              ))}
            </ul>
          </PagedList>
        </section>
        <NewUser />
      </div>
    </>
  )
}

interface UserValues {
  full_name: string
  email: string
  role: Role
  password: string
}

function NewUser() {
  const { t } = useTranslation()
  const me = useMe()
  // Coordinators may only add supporters; administrators any role except another admin from this form.
  const allowed: Role[] = me.role === 'admin' ? ['supporter', 'coordinator', 'researcher'] : ['supporter']
  const empty = (): UserValues => ({ full_name: '', email: '', role: 'supporter', password: '' })
  const { values, update, reset } = useFormValues(empty, { draft: 'user.new' })
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [created, setCreated] = useState<string | null>(null)
  const create = useCreateUser()
  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(`users.${f}`)]))
  const { fields, detail } = formErrors(create.error, clientErrors, FIELDS, t)

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    for (const f of ['full_name', 'email', 'password'] as const) if (!values[f].trim()) missing[f] = t('form.required')
    setClientErrors(missing)
    setCreated(null)
    if (Object.keys(missing).length > 0) return
    create.mutate(
      { ...values, full_name: values.full_name.trim(), email: values.email.trim() },
      {
        onSuccess: (user) => {
          reset()
          setCreated(user.full_name)
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">{t('users.newTitle')}</h2>
      {created ? (
        <Alert kind="success">
          <p>{t('users.created', { name: created })}</p>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={fields} labels={labels} detail={detail} />
        <Field id="field-full_name" label={labels.full_name ?? ''} error={fields.full_name} required>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={values.full_name}
              onChange={(e) => update({ full_name: e.target.value })}
            />
          )}
        </Field>
        <Field id="field-email" label={labels.email ?? ''} error={fields.email} required>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => update({ email: e.target.value })}
            />
          )}
        </Field>
        <Field id="field-role" label={labels.role ?? ''} error={fields.role} required>
          {(p) => (
            <select {...p} value={values.role} onChange={(e) => update({ role: e.target.value as Role })}>
              {allowed.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="field-password"
          label={labels.password ?? ''}
          hint={t('users.passwordHint')}
          error={fields.password}
          required
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(e) => update({ password: e.target.value })}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('users.create')}
          </button>
        </div>
      </form>
    </section>
  )
}
