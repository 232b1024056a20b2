import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { FamilyDetail } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { ErrorState } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useFocusFirstField } from './focus'
import { ownerOptions } from './owners'
import { useSaveAction } from './queries'
import type { Action, ActionCreate, ActionStatus } from './types'

const PERSON = 'person'

/** The steps for one goal: who does what by when, overdue ones marked, with add, change and done. */
export function ActionList({
  familyId,
  goalId,
  actions,
  family,
  readOnly,
  onReload,
}: {
  familyId: string
  goalId: string
  actions: readonly Action[]
  family: FamilyDetail
  readOnly: boolean
  onReload: () => void
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const complete = useSaveAction(familyId, goalId)
  return (
    <div className="plan-actions">
      <h4>{t('plan.action.title')}</h4>
      {complete.error ? (
        isApiError(complete.error, 412) ? <ConflictMessage onReload={onReload} /> : <ErrorState error={complete.error} />
      ) : null}
      {actions.length === 0 ? <p className="muted">{t('plan.action.none')}</p> : null}
      <ul className="action-list">
        {actions.map((action) =>
          editing === action.id ? (
            <li key={action.id}>
              <ActionForm familyId={familyId} goalId={goalId} family={family} action={action} onClose={() => setEditing(null)} onReload={onReload} />
            </li>
          ) : (
            <li key={action.id} className={action.is_overdue ? 'action action-overdue' : 'action'}>
              <p className="action-description">{action.description}</p>
              <p className="action-meta">
                <span>{t('plan.action.who', { name: action.owner_name ?? '—' })}</span>
                <span>{t('plan.action.due', { date: formatDate(action.due_on) })}</span>
                <span className={`badge badge-action-${action.status}`}>{t(`plan.actionStatus.${action.status}`)}</span>
                {action.is_overdue ? <span className="badge badge-overdue">{t('plan.action.overdue')}</span> : null}
                {action.agreed_at_table ? null : <span className="badge badge-unagreed">{t('plan.action.notAgreed')}</span>}
              </p>
              {readOnly || editing !== null ? null : (
                <div className="entity-actions">
                  {action.status === 'open' ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={complete.isPending}
                      aria-label={`${t('plan.action.complete')}: ${action.description}`}
                      onClick={() =>
                        complete.mutate({ kind: 'update', actionId: action.id, version: action.version, body: { status: 'done' } })
                      }
                    >
                      {t('plan.action.complete')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('common.edit')}: ${action.description}`}
                    onClick={() => {
                      complete.reset()
                      setEditing(action.id)
                    }}
                  >
                    {t('common.edit')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {readOnly ? null : editing === 'new' ? (
        <ActionForm familyId={familyId} goalId={goalId} family={family} onClose={() => setEditing(null)} onReload={onReload} />
      ) : editing === null ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setEditing('new')}>
          {t('plan.action.add')}
        </button>
      ) : null}
    </div>
  )
}

const FIELDS = ['description', 'owner_id', 'owner_name', 'owner_type', 'due_on', 'status']

function ActionForm({
  familyId,
  goalId,
  family,
  action,
  onClose,
  onReload,
}: {
  familyId: string
  goalId: string
  family: FamilyDetail
  action?: Action
  onClose: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const formRef = useFocusFirstField<HTMLFormElement>()
  const options = ownerOptions(family, t('plan.action.supporter'))
  const initialOwner = action ? (action.owner_type === 'person' ? PERSON : `${action.owner_type}:${action.owner_id ?? ''}`) : (options[0]?.value ?? PERSON)
  const [description, setDescription] = useState(action?.description ?? '')
  const [owner, setOwner] = useState(initialOwner)
  const [ownerName, setOwnerName] = useState(action?.owner_type === 'person' ? (action.owner_name ?? '') : '')
  const [dueOn, setDueOn] = useState(action?.due_on ?? '')
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'open')
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [idempotencyKey] = useState(newIdempotencyKey)
  const save = useSaveAction(familyId, goalId)
  const shown = formErrors(save.error, clientErrors, FIELDS, t)
  const prefix = `action-${action?.id ?? `new-${goalId}`}-`
  const labels = {
    description: t('plan.action.description'),
    owner_id: t('plan.action.owner'),
    owner_type: t('plan.action.owner'),
    owner_name: t('plan.action.ownerName'),
    due_on: t('plan.action.dueOn'),
    status: t('plan.action.status'),
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (description.trim() === '') missing.description = t('form.required')
    if (owner === PERSON && ownerName.trim() === '') missing.owner_name = t('form.required')
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    const chosen = options.find((o) => o.value === owner)
    const ownerFields =
      owner === PERSON || !chosen
        ? { owner_type: 'person' as const, owner_id: null, owner_name: ownerName.trim() }
        : { owner_type: chosen.type, owner_id: chosen.id, owner_name: null }
    const body: ActionCreate = { description: description.trim(), ...ownerFields, due_on: dueOn || null }
    if (!action) {
      save.mutate({ kind: 'create', body, idempotencyKey }, { onSuccess: onClose })
      return
    }
    const changed: Record<string, unknown> = {}
    if (body.description !== action.description) changed.description = body.description
    if (owner !== initialOwner || (owner === PERSON && ownerName.trim() !== action.owner_name)) Object.assign(changed, ownerFields)
    if ((body.due_on ?? null) !== action.due_on) changed.due_on = body.due_on
    if (status !== action.status) changed.status = status
    if (Object.keys(changed).length === 0) {
      onClose()
      return
    }
    save.mutate({ kind: 'update', actionId: action.id, version: action.version, body: changed }, { onSuccess: onClose })
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={formRef}>
      <fieldset className="fieldset">
        <legend>{action ? t('plan.action.editTitle') : t('plan.action.newTitle')}</legend>
        {isApiError(save.error, 412) ? (
          <ConflictMessage onReload={() => { onClose(); onReload() }} />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={prefix} />
        )}
        <Field id={`${prefix}description`} label={labels.description} error={shown.fields.description} required>
          {(props) => <textarea {...props} rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <div className="form-grid">
          <Field id={`${prefix}owner_id`} label={labels.owner_id} error={shown.fields.owner_id ?? shown.fields.owner_type} required>
            {(props) => (
              <select {...props} value={owner} onChange={(e) => setOwner(e.target.value)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
                <option value={PERSON}>{t('plan.action.someoneElse')}</option>
              </select>
            )}
          </Field>
          {owner === PERSON ? (
            <Field id={`${prefix}owner_name`} label={labels.owner_name} error={shown.fields.owner_name} required>
              {(props) => <input {...props} maxLength={200} autoComplete="off" value={ownerName} onChange={(e) => setOwnerName(e.target.value)} />}
            </Field>
          ) : null}
          <Field date id={`${prefix}due_on`} label={labels.due_on} error={shown.fields.due_on}>
            {(props) => <input {...props} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
          </Field>
          {action ? (
            <Field id={`${prefix}status`} label={labels.status} error={shown.fields.status} required>
              {(props) => (
                <select {...props} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
                  {(['open', 'done', 'cancelled'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`plan.actionStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <p className="hint">{t('plan.action.agreeHint')}</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
