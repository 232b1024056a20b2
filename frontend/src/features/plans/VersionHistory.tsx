import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SaveError } from '../../components/ConflictMessage'
import { Field } from '../../components/Field'
import { newIdempotencyKey } from '../../components/forms'
import { Alert, ErrorState, Loading } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { type LoadedPlan, useAdoptPlan, useComparison, useVersions } from './queries'
import { type Comparison, type ItemChange, levelLabel } from './types'

/** Adopted versions (who, when), adopting the draft, and what changed between two versions. */
export function VersionHistory({
  familyId,
  loaded,
  refreshing,
  readOnly,
  onReload,
}: {
  familyId: string
  loaded: LoadedPlan
  /** The plan is being fetched again: adopting now could adopt an old ETag. */
  refreshing: boolean
  readOnly: boolean
  onReload: () => void
}) {
  const { t } = useTranslation()
  const versions = useVersions(familyId)
  const items = versions.data?.items ?? []
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('plan.versions.title')}</h2>
      {readOnly ? null : <Adopt familyId={familyId} loaded={loaded} refreshing={refreshing} onReload={onReload} />}
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorState error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.isSuccess && items.length === 0 ? <p className="muted">{t('plan.versions.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="version-list">
          {items.map((version) => (
            <li key={version.number}>
              <strong>{t('plan.versions.number', { number: version.number })}</strong>{' '}
              {t('plan.versions.adoptedBy', { name: version.adopted_by_name ?? '—', date: formatDateTime(version.adopted_at) })}
              <span className="muted">
                {' · '}
                {t('plan.versions.counts', { goals: version.goal_count, actions: version.action_count })}
              </span>
              {version.note ? <p className="muted">{version.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? <Compare familyId={familyId} numbers={items.map((v) => v.number)} /> : null}
    </section>
  )
}

function Adopt({ familyId, loaded, refreshing, onReload }: { familyId: string; loaded: LoadedPlan; refreshing: boolean; onReload: () => void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [note, setNote] = useState('')
  const [done, setDone] = useState<number | null>(null)
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const adopt = useAdoptPlan(familyId)
  const changed = loaded.plan.has_unadopted_changes && loaded.plan.goals.length > 0
  return (
    <div className="adopt">
      {done === null ? null : (
        <Alert kind="success">
          <p>{t('plan.adopt.done', { number: done })}</p>
        </Alert>
      )}
      <SaveError
        error={adopt.error}
        onReload={() => {
          adopt.reset()
          onReload()
        }}
      />
      <p>{changed ? t('plan.adopt.changes') : t('plan.adopt.noChanges')}</p>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="adopt-confirm">
          <p id="adopt-confirm">{t('plan.adopt.confirm')}</p>
          <Field id="adopt-note" label={t('plan.adopt.note')}>
            {(props) => <input {...props} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button
            type="button"
            className="button"
            disabled={adopt.isPending || refreshing}
            onClick={() =>
              adopt.mutate(
                { etag: loaded.etag, note: note.trim() || null, idempotencyKey },
                {
                  onSuccess: (version) => {
                    setDone(version.number)
                    setConfirming(false)
                    setNote('')
                    setIdempotencyKey(newIdempotencyKey())
                  },
                },
              )
            }
          >
            {t('plan.adopt.yes')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={!changed}
          onClick={() => {
            adopt.reset()
            setDone(null)
            setConfirming(true)
          }}
        >
          {t('plan.adopt.button')}
        </button>
      )}
    </div>
  )
}

function Compare({ familyId, numbers }: { familyId: string; numbers: number[] }) {
  const { t } = useTranslation()
  const latest = numbers[0] ?? 1
  const [from, setFrom] = useState(String(numbers[1] ?? latest))
  const [to, setTo] = useState(numbers.length > 1 ? String(latest) : 'draft')
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
            <select {...props} value={from} onChange={(e) => setFrom(e.target.value)}>
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
            <select {...props} value={to} onChange={(e) => setTo(e.target.value)}>
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
  if (field === 'owner_type') return t(`plan.ownerType.${value}`)
  if (field === 'status') return t(`plan.goalStatus.${value}`, { defaultValue: t(`plan.actionStatus.${value}`, { defaultValue: value }) })
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
                    <del>{fieldValue(change.before, change.field, t)}</del> → <ins>{fieldValue(change.after, change.field, t)}</ins>
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
    goals.added.length + goals.removed.length + goals.changed.length + actions.added.length + actions.removed.length + actions.changed.length
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
