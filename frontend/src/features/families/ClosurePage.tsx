import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageHeading } from '../../components/Page'
import { Alert, ErrorState, Loading, errorText } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useClosure, useReopenFamily } from '../workday/queries'
import type { ClosureState } from '../workday/types'
import { CloseForm } from './CloseForm'

/** Ending support properly (reason, open work resolved, handover, follow-up), or reopening a closed family. */
export function ClosurePage() {
  const { familyId = '' } = useParams()
  const { t } = useTranslation()
  const query = useClosure(familyId)
  const title = t('workday.closure.title')
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const state = query.data
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {state.latest ? <LatestClosure state={state} /> : null}
      {state.status === 'closed' ? <ReopenForm familyId={familyId} /> : <CloseForm state={state} />}
      <p>
        <Link to={`/families/${familyId}`}>← {t('workday.closure.back')}</Link>
      </p>
    </>
  )
}

function LatestClosure({ state }: { state: ClosureState }) {
  const { t } = useTranslation()
  const latest = state.latest
  if (!latest) return null
  return (
    <section className="card" aria-labelledby="closure-latest">
      <h2 id="closure-latest">
        {t('workday.closure.latest', {
          date: formatDate(latest.ended_on),
          reason: t(`workday.closure.reasons.${latest.reason}`),
        })}
      </h2>
      {latest.reason_text ? <p>{latest.reason_text}</p> : null}
      <p>{t('workday.closure.followUpOn', { date: formatDate(latest.follow_up_due_on) })}</p>
      {latest.successor_name ? (
        <p>
          {t('workday.closure.successorName')} {latest.successor_name}
          {latest.successor_organisation ? ` (${latest.successor_organisation})` : ''}
        </p>
      ) : null}
      {latest.handover_note ? <p className="pre-line">{latest.handover_note}</p> : null}
      {latest.reopened_at ? (
        <p>
          {t('workday.closure.reopened', { date: formatDate(latest.reopened_at), reason: latest.reopen_reason ?? '' })}
        </p>
      ) : null}
    </section>
  )
}

function ReopenForm({ familyId }: { familyId: string }) {
  const { t } = useTranslation()
  const reopen = useReopenFamily(familyId)
  const [reason, setReason] = useState('')
  return (
    <form
      className="card stack"
      onSubmit={(event) => {
        event.preventDefault()
        if (reason.trim()) reopen.mutate(reason.trim())
      }}
    >
      {reopen.error ? (
        <Alert kind="error">
          <p>{errorText(reopen.error, t)}</p>
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="reopen-reason">{t('workday.closure.reopenReason')}</label>
        <textarea
          id="reopen-reason"
          rows={3}
          maxLength={1000}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <p>
        <button type="submit" className="button" disabled={reopen.isPending || !reason.trim()}>
          {t('workday.closure.reopen')}
        </button>
      </p>
    </form>
  )
}
