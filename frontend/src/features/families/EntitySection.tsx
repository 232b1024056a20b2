import { type ReactNode, type SyntheticEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/errors'
import { ConflictMessage } from '../../components/ConflictMessage'
import { ErrorSummary, Field } from '../../components/Field'
import { formErrors } from '../../components/forms'
import { ErrorState } from '../../components/States'
import { useDraft } from '../auth/drafts'

export type FormValues = Record<string, string | boolean>

export interface FieldSpec {
  name: string
  label: string
  type: 'text' | 'email' | 'tel' | 'number' | 'select' | 'checkbox'
  required?: boolean
  options?: { value: string; label: string }[]
  maxLength?: number
  autoComplete?: string
}

interface Item {
  id: string
  version: number
}

interface MutationLike<TVars> {
  mutate: (vars: TVars, options?: { onSuccess?: () => void }) => void
  isPending: boolean
  error: unknown
  reset: () => void
}

interface EntitySectionProps<T extends Item> {
  id: string
  title: string
  addLabel: string
  emptyText: string
  itemName: (item: T) => string
  items: readonly T[]
  fields: readonly FieldSpec[]
  emptyValues: () => FormValues
  toValues: (item: T) => FormValues
  renderItem: (item: T) => ReactNode
  save: MutationLike<{ id?: string; version?: number; values: FormValues }>
  remove: MutationLike<string>
  onReload: () => void
  draftKey: string
  /** Archived families can be read, not changed. */
  readOnly?: boolean
}

/** A list of people (members or network contacts) with add, edit and delete in place. */
export function EntitySection<T extends Item>(props: EntitySectionProps<T>) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const { save, remove } = props
  const headingId = `${props.id}-heading`
  const heading = useRef<HTMLHeadingElement>(null)

  /** Closing a form puts focus back on the section, so keyboard users continue where they were. */
  function close() {
    setEditing(null)
    save.reset()
    requestAnimationFrame(() => heading.current?.focus())
  }

  return (
    <section className="card" aria-labelledby={headingId} id={props.id}>
      <div className="section-heading">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {props.title}
        </h2>
        {editing === null && !props.readOnly ? (
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing('new')}>
            {props.addLabel}
          </button>
        ) : null}
      </div>
      {remove.error ? <ErrorState error={remove.error} /> : null}
      {editing === 'new' ? (
        <EntityForm
          fields={props.fields}
          draftKey={`${props.draftKey}.new`}
          initial={props.emptyValues}
          legend={props.addLabel}
          busy={save.isPending}
          error={save.error}
          onCancel={close}
          onReload={props.onReload}
          onSubmit={(values, done) => save.mutate({ values }, { onSuccess: () => { done(); close() } })}
        />
      ) : null}
      {props.items.length === 0 && editing !== 'new' ? <p className="muted">{props.emptyText}</p> : null}
      <ul className="entity-list">
        {props.items.map((item) => (
          <li key={item.id} className="entity">
            {editing === item.id ? (
              <EntityForm
                fields={props.fields}
                draftKey={`${props.draftKey}.${item.id}.${item.version}`}
                initial={() => props.toValues(item)}
                legend={t('entity.editing', { name: props.itemName(item) })}
                busy={save.isPending}
                error={save.error}
                onCancel={close}
                onReload={() => {
                  close()
                  props.onReload()
                }}
                onSubmit={(values, done) =>
                  save.mutate({ id: item.id, version: item.version, values }, { onSuccess: () => { done(); close() } })
                }
              />
            ) : (
              <>
                <div className="entity-body">{props.renderItem(item)}</div>
                {confirming === item.id ? (
                  <div className="confirm" role="group" aria-label={t('entity.confirmDelete', { name: props.itemName(item) })}>
                    <p>{t('entity.confirmDelete', { name: props.itemName(item) })}</p>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(item.id, { onSuccess: () => setConfirming(null) })}
                    >
                      {t('entity.deleteYes')}
                    </button>
                    <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                ) : editing === null && !props.readOnly ? (
                  <div className="entity-actions">
                    <button
                        type="button"
                        className="link-button"
                        aria-label={`${t('common.edit')}: ${props.itemName(item)}`}
                        onClick={() => setEditing(item.id)}
                      >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="link-button link-danger"
                      aria-label={`${t('common.delete')}: ${props.itemName(item)}`}
                      onClick={() => {
                        remove.reset()
                        setConfirming(item.id)
                      }}
                    >
                      {t('common.delete')}
                    </button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

interface EntityFormProps {
  fields: readonly FieldSpec[]
  draftKey: string
  initial: () => FormValues
  legend: string
  busy: boolean
  error: unknown
  onSubmit: (values: FormValues, done: () => void) => void
  onCancel: () => void
  onReload: () => void
}

function EntityForm({ fields, draftKey, initial, legend, busy, error, onSubmit, onCancel, onReload }: EntityFormProps) {
  const { t } = useTranslation()
  const [values, setValues, clearDraft] = useDraft(draftKey, initial)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const names = fields.map((field) => field.name)
  const labels = Object.fromEntries(fields.map((field) => [field.name, field.label]))
  const shown = formErrors(error, clientErrors, names, t)
  const prefix = draftKey.replace(/\W/g, '-')

  function submit(event: SyntheticEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    for (const field of fields) {
      const value = values[field.name]
      if (field.required && (typeof value !== 'string' || value.trim() === '')) missing[field.name] = t('form.required')
    }
    setClientErrors(missing)
    if (Object.keys(missing).length === 0) onSubmit(values, clearDraft)
  }

  return (
    <form className="entity-form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>{legend}</legend>
        {isApiError(error, 412) ? (
          <ConflictMessage
            onReload={() => {
              clearDraft()
              onReload()
            }}
          />
        ) : (
          <ErrorSummary errors={shown.fields} labels={labels} detail={shown.detail} fieldPrefix={`${prefix}-`} />
        )}
        <div className="form-grid">
          {fields.map((field) => {
            const id = `${prefix}-${field.name}`
            const value = values[field.name]
            if (field.type === 'checkbox') {
              return (
                <div className="field field-checkbox" key={field.name}>
                  <input id={id} type="checkbox" checked={value === true} onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })} />
                  <label htmlFor={id}>{field.label}</label>
                </div>
              )
            }
            return (
              <Field key={field.name} id={id} label={field.label} error={shown.fields[field.name]} required={field.required ?? false}>
                {(inputProps) =>
                  field.type === 'select' ? (
                    <select {...inputProps} value={typeof value === 'string' ? value : ''} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}>
                      {field.options?.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...inputProps}
                      type={field.type}
                      inputMode={field.type === 'number' ? 'numeric' : undefined}
                      value={typeof value === 'string' ? value : ''}
                      maxLength={field.maxLength}
                      autoComplete={field.autoComplete ?? 'off'}
                      onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
                    />
                  )
                }
              </Field>
            )
          })}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              clearDraft()
              onCancel()
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
