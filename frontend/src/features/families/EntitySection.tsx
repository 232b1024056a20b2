import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/States'
import { EntityForm, type FieldSpec, type FormValues } from './EntityForm'
import type { PersonSave } from './queries'
export type { FieldSpec, FormValues }

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

interface EntitySectionProps<T extends Item, Body> {
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
  /** What the API is sent for the form's values. */
  toBody: (values: FormValues) => Body
  save: MutationLike<PersonSave<Body>>
  remove: MutationLike<string>
  onReload: () => void
  draftKey: string
  /** Archived families can be read, not changed. */
  readOnly?: boolean
}

/** A list of people (members or network contacts) with add, edit and delete in place. */
export function EntitySection<T extends Item, Body>(props: EntitySectionProps<T, Body>) {
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
          onSubmit={(values, done) =>
            save.mutate(
              { body: props.toBody(values) },
              {
                onSuccess: () => {
                  done()
                  close()
                },
              },
            )
          }
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
                  save.mutate(
                    { id: item.id, version: item.version, body: props.toBody(values) },
                    {
                      onSuccess: () => {
                        done()
                        close()
                      },
                    },
                  )
                }
              />
            ) : (
              <>
                <div className="entity-body">{props.renderItem(item)}</div>
                {confirming === item.id ? (
                  <div
                    className="confirm"
                    role="group"
                    aria-label={t('entity.confirmDelete', { name: props.itemName(item) })}
                  >
                    <p>{t('entity.confirmDelete', { name: props.itemName(item) })}</p>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(item.id, { onSuccess: () => setConfirming(null) })}
                    >
                      {t('entity.deleteYes')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => setConfirming(null)}
                    >
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
