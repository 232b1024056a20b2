import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SaveError } from '../../components/ConflictMessage'
import { Field } from '../../components/Field'
import { newIdempotencyKey } from '../../components/forms'
import { Alert, ErrorState, Loading } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { type LoadedPlan, useAdoptPlan, useVersions } from './queries'
import { Compare } from './PlanComparison'

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
              {t('plan.versions.adoptedBy', {
                name: version.adopted_by_name ?? '—',
                date: formatDateTime(version.adopted_at),
              })}
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

function Adopt({
  familyId,
  loaded,
  refreshing,
  onReload,
}: {
  familyId: string
  loaded: LoadedPlan
  refreshing: boolean
  onReload: () => void
}) {
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
