import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { ErrorState, Loading } from '../../components/States'
import { useFormValues } from '../../components/useFormValues'
import { formatDate } from '../../i18n/format'
import { useComparison } from './queries'
import { type Comparison, type ItemChange, levelLabel } from './types'
import { codeText } from '../../i18n/keys'

/** What changed between two adopted versions, or between a version and the draft. */
export function Compare({ familyId, numbers }: { familyId: string; numbers: number[] }) {
  const { t } = useTranslation()
  const latest = numbers[0] ?? 1
  const form = useFormValues(() => ({
    from: String(numbers[1] ?? latest),
    to: numbers.length > 1 ? String(latest) : 'draft',
  }))
  const { from, to } = form.values
  const [shown, setShown] = useState<{ from: number; to: string } | null>(null)
  const comparison = useComparison(familyId, shown?.from ?? null, shown?.to ?? 'draft', shown !== null)
  return (
    <div className="compare">
      <h3>{t('plan.compare.title')}</h3>
      <form
        className="compare-form"
        onSubmit={(event) => {
          event.preventDefault()
          setShown({ from: Number(from), to })
        }}
      >
        <Field id="compare-from" label={t('plan.compare.from')} required>
          {(props) => (
            <select {...props} value={from} onChange={(e) => form.set('from', e.target.value)}>
              {numbers.map((n) => (
                <option key={n} value={String(n)}>
                  {t('plan.versions.number', { number: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="compare-to" label={t('plan.compare.to')} required>
          {(props) => (
            <select {...props} value={to} onChange={(e) => form.set('to', e.target.value)}>
              <option value="draft">{t('plan.compare.draft')}</option>
              {numbers.map((n) => (
                <option key={n} value={String(n)}>
                  {t('plan.versions.number', { number: n })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-secondary">
          {t('plan.compare.show')}
        </button>
      </form>
      {shown === null ? null : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <ErrorState error={comparison.error} />
      ) : (
        <Differences comparison={comparison.data} />
      )}
    </div>
  )
}

function fieldValue(value: unknown, field: string, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('plan.compare.empty')
  if (typeof value === 'boolean') return value ? t('plan.compare.yes') : t('plan.compare.no')
  if (Array.isArray(value)) return value.length === 0 ? t('plan.compare.empty') : String(value.length)
  if (typeof value === 'number') return field === 'baseline_level' ? levelLabel(value) : String(value)
  if (typeof value !== 'string') return JSON.stringify(value)
  if (field === 'owner_type') return codeText(t, 'plan.ownerType', value)
  if (field === 'status')
    return t(`plan.goalStatus.${value}`, { defaultValue: t(`plan.actionStatus.${value}`, { defaultValue: value }) })
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value)
  return value
}

function Changes({ items }: { items: readonly ItemChange[] }) {
  const { t } = useTranslation()
  return (
    <ul className="diff-list">
      {items.map((item) => (
        <li key={item.id} className="diff-changed">
          <span className="diff-label">{item.label}</span>
          <ul>
            {item.changes.map((change) => (
              <li key={change.field}>
                {t(`plan.compare.field.${change.field.replace('.', '_')}`, { defaultValue: change.field })}:{' '}
                {/_ids?$/.test(change.field) ? (
                  t('plan.compare.otherValue')
                ) : (
                  <>
                    <del>{fieldValue(change.before, change.field, t)}</del> →{' '}
                    <ins>{fieldValue(change.after, change.field, t)}</ins>
                  </>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  )
}

function Differences({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation()
  const { goals, actions } = comparison
  const total =
    goals.added.length +
    goals.removed.length +
    goals.changed.length +
    actions.added.length +
    actions.removed.length +
    actions.changed.length
  const groups: [string, string[], string][] = [
    [t('plan.compare.goalsAdded'), goals.added.map((g) => g.text), 'diff-added'],
    [t('plan.compare.goalsRemoved'), goals.removed.map((g) => g.text), 'diff-removed'],
    [t('plan.compare.actionsAdded'), actions.added.map((a) => a.description), 'diff-added'],
    [t('plan.compare.actionsRemoved'), actions.removed.map((a) => a.description), 'diff-removed'],
  ]
  const heading =
    comparison.to_version === null
      ? t('plan.compare.headingDraft', { from: comparison.from_version ?? 0 })
      : t('plan.compare.heading', { from: comparison.from_version ?? 0, to: comparison.to_version })
  return (
    <div className="differences" role="status">
      <h4>{heading}</h4>
      {total === 0 ? <p>{t('plan.compare.same')}</p> : null}
      {groups.map(([title, texts, className]) =>
        texts.length > 0 ? (
          <div key={title}>
            <h5>{title}</h5>
            <ul className="diff-list">
              {texts.map((text, index) => (
                <li key={`${String(index)}-${text}`} className={className}>
                  {text}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {goals.changed.length > 0 ? (
        <div>
          <h5>{t('plan.compare.goalsChanged')}</h5>
          <Changes items={goals.changed} />
        </div>
      ) : null}
      {actions.changed.length > 0 ? (
        <div>
          <h5>{t('plan.compare.actionsChanged')}</h5>
          <Changes items={actions.changed} />
        </div>
      ) : null}
    </div>
  )
}
