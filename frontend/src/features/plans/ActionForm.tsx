import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import type { FamilyDetail } from '../../api/types'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors, newIdempotencyKey } from '../../components/forms'
import { changedFields, useFormValues } from '../../components/useFormValues'
import { DraftRestored } from '../auth/DraftRestored'
import { useFocusFirstField } from './focus'
import { ownerOptions } from './owners'
import { useSaveAction } from './queries'
import type { Action, ActionCreate, ActionStatus } from './types'

const PERSON = 'person'

interface ActionValues {
  description: string
  owner: string
  ownerName: string
  dueOn: string
  status: ActionStatus
}

const OWNER_FIELDS = ['owner_type', 'owner_id', 'owner_name']
const FIELDS = ['description', 'owner_id', 'owner_name', 'owner_type', 'due_on', 'status']

/** Add or change one action; what was typed is a draft that survives a reload of the tab. */
export function ActionForm({
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
  const initialOwner = action
    ? action.owner_type === 'person'
      ? PERSON
      : `${action.owner_type}:${action.owner_id ?? ''}`
    : (options[0]?.value ?? PERSON)
  const draftKey = action ? `action.edit.${action.id}.${String(action.version)}` : `action.new.${goalId}`
  const form = useFormValues<ActionValues>(
    () => ({
      description: action?.description ?? '',
      owner: initialOwner,
      ownerName: action?.owner_type === 'person' ? (action.owner_name ?? '') : '',
      dueOn: action?.due_on ?? '',
      status: action?.status ?? 'open',
    }),
    { draft: draftKey, persist: true },
  )
  const { description, owner, ownerName, dueOn, status } = form.values
  const set = form.update
  const close = () => {
    form.reset()
    onClose()
  }
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
    const body = (values: ActionValues): ActionCreate => {
      const chosen = options.find((o) => o.value === values.owner)
      const ownerFields =
        values.owner === PERSON || !chosen
          ? { owner_type: 'person' as const, owner_id: null, owner_name: values.ownerName.trim() }
          : { owner_type: chosen.type, owner_id: chosen.id, owner_name: null }
      return { description: values.description.trim(), ...ownerFields, due_on: values.dueOn || null }
    }
    const after = body(form.values)
    if (!action) {
      save.mutate({ kind: 'create', body: after, idempotencyKey }, { onSuccess: close })
      return
    }
    const withStatus = (values: ActionValues) => ({ ...body(values), status: values.status })
    const changed: Record<string, unknown> = changedFields(withStatus(form.initial), withStatus(form.values))
    // The owner is one thing to the API: when any part of it changes, all three parts are sent.
    if (OWNER_FIELDS.some((field) => field in changed))
      Object.assign(changed, { owner_type: after.owner_type, owner_id: after.owner_id, owner_name: after.owner_name })
    if (Object.keys(changed).length === 0) {
      close()
      return
    }
    save.mutate({ kind: 'update', actionId: action.id, version: action.version, body: changed }, { onSuccess: close })
  }

  return (
    <form className="plan-form" onSubmit={submit} noValidate ref={formRef}>
      <fieldset className="fieldset">
        <legend>{action ? t('plan.action.editTitle') : t('plan.action.newTitle')}</legend>
        <DraftRestored shown={form.restored} />
        {isApiError(save.error, 412) ? (
          <ConflictMessage
            onReload={() => {
              close()
              onReload()
            }}
          />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={prefix} />
        )}
        <Field id={`${prefix}description`} label={labels.description} error={shown.fields.description} required>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field
            id={`${prefix}owner_id`}
            label={labels.owner_id}
            error={shown.fields.owner_id ?? shown.fields.owner_type}
            required
          >
            {(props) => (
              <select {...props} value={owner} onChange={(e) => set({ owner: e.target.value })}>
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
              {(props) => (
                <input
                  {...props}
                  maxLength={200}
                  autoComplete="off"
                  value={ownerName}
                  onChange={(e) => set({ ownerName: e.target.value })}
                />
              )}
            </Field>
          ) : null}
          <Field date id={`${prefix}due_on`} label={labels.due_on} error={shown.fields.due_on}>
            {(props) => <input {...props} type="date" value={dueOn} onChange={(e) => set({ dueOn: e.target.value })} />}
          </Field>
          {action ? (
            <Field id={`${prefix}status`} label={labels.status} error={shown.fields.status} required>
              {(props) => (
                <select {...props} value={status} onChange={(e) => set({ status: e.target.value as ActionStatus })}>
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
          <button type="button" className="button button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
