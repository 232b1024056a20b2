import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { Alert, ErrorState, Loading, errorText } from '../../components/States'
import { formatDateTime } from '../../i18n/format'
import { LicenceNote } from './LicenceNote'
import { useCompleteMeasurement, useMeasurement, useSaveAnswers } from './queries'
import { OpenQuestions, QuestionnaireForm } from './QuestionnaireForm'
import { respondentLabel } from './respondent'
import { ScoreTable } from './ScoreTable'
import { localized, unansweredItems, withAnswer } from './text'
import type { Measurement } from './types'
import './measurements.css'

/** One questionnaire of a family's measurement wave: answer (saved as you go), then complete and see the scores. */
export function MeasurementPage() {
  const { familyId = '', measurementId = '' } = useParams()
  const { t } = useTranslation()
  const query = useMeasurement(familyId, measurementId)
  if (query.isPending) return <Loading label={t('measurements.form.loading')} />
  if (query.isError) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <NotFound />
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  }
  return <Questionnaire key={query.data.id} familyId={familyId} measurement={query.data} />
}

function Questionnaire({ familyId, measurement }: { familyId: string; measurement: Measurement }) {
  const { t, i18n } = useTranslation()
  const definition = measurement.instrument
  const name = localized(measurement.instrument_name, i18n.language)
  const wave = measurement.wave ? t(`measurements.wave.${measurement.wave}`) : ''
  const completed = measurement.status === 'completed'
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...measurement.answers }))
  const [unsaved, setUnsaved] = useState<Record<string, number | null>>({})
  const [flagged, setFlagged] = useState<number[]>([])
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const save = useSaveAnswers(familyId, measurement.id)
  const complete = useCompleteMeasurement(familyId, measurement.id)
  const back = `/families/${familyId}/outcomes`

  const send = (changes: Record<string, number | null>, after?: () => void) =>
    save.mutate(changes, {
      onSuccess: () => {
        setUnsaved((current) =>
          Object.fromEntries(Object.entries(current).filter(([key, value]) => changes[key] !== value)),
        )
        setSavedAt(new Date().toISOString())
        after?.()
      },
    })

  const onAnswer = (item: number, value: number | null) => {
    const key = String(item)
    setAnswers((current) => withAnswer(current, key, value))
    setUnsaved((current) => ({ ...current, [key]: value }))
    setFlagged((current) => current.filter((number) => number !== item))
    send({ [key]: value })
  }

  const open = unansweredItems(definition, answers)
  const onComplete = () => {
    if (open.length > 0 && flagged.length === 0) {
      setFlagged(open)
      document.getElementById('complete-warning')?.focus()
      return
    }
    const finish = () => complete.mutate(undefined, { onSuccess: () => window.scrollTo({ top: 0 }) })
    if (Object.keys(unsaved).length > 0) send(unsaved, finish)
    else finish()
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>← {t('measurements.outcomes.back')}</Link>
      </p>
      <PageHeading title={`${name} ${wave}`}>{name}</PageHeading>
      <p className="measurement-subtitle">
        {t('measurements.form.subtitle', { wave, respondent: respondentLabel(measurement.respondent, t) })}
      </p>
      <LicenceNote licence={definition.licence} source={definition.source} />
      {completed ? (
        <section className="card" aria-labelledby="scores-heading">
          <h2 id="scores-heading">{t('measurements.form.scoresTitle')}</h2>
          <p className="muted">
            {t('measurements.form.completedOn', { date: formatDateTime(measurement.completed_at) })}
          </p>
          <ScoreTable scores={measurement.scores} caption={t('measurements.form.scoresTitle')} />
          <p>
            <Link className="button" to={back}>
              {t('measurements.form.toOutcomes')}
            </Link>
          </p>
          <details className="answers-given">
            <summary>{t('measurements.form.showAnswers')}</summary>
            <QuestionnaireForm definition={definition} answers={answers} onAnswer={() => undefined} disabled />
          </details>
        </section>
      ) : (
        <>
          <p className="lead">{localized(definition.description, i18n.language)}</p>
          <p className="muted">{t('measurements.form.intro')}</p>
          <QuestionnaireForm definition={definition} answers={answers} onAnswer={onAnswer} flagged={flagged} />
          <div className="questionnaire-footer">
            <p className="save-status" role="status">
              {save.isPending
                ? t('common.saving')
                : save.isError
                  ? null
                  : savedAt
                    ? t('measurements.form.saved', {
                        answered: Object.keys(answers).length,
                        items: definition.items.length,
                      })
                    : t('measurements.form.progress', {
                        answered: Object.keys(answers).length,
                        items: definition.items.length,
                      })}
            </p>
            {save.isError ? (
              <Alert kind="error" title={t('measurements.form.notSaved')}>
                <p>{errorText(save.error, t)}</p>
                <button type="button" className="button button-secondary" onClick={() => send(unsaved)}>
                  {t('common.retry')}
                </button>
              </Alert>
            ) : null}
            <OpenQuestions
              id="complete-warning"
              flagged={flagged}
              body={t('measurements.form.openBody', { items: flagged.join(', ') })}
            />
            {complete.isError ? (
              <Alert kind="error">
                <p>{errorText(complete.error, t)}</p>
              </Alert>
            ) : null}
            <div className="form-actions">
              <button type="button" className="button" onClick={onComplete} disabled={complete.isPending}>
                {flagged.length > 0 ? t('measurements.form.completeAnyway') : t('measurements.form.complete')}
              </button>
              <Link
                className="button button-secondary"
                to={back}
                onClick={() => {
                  if (Object.keys(unsaved).length > 0) send(unsaved)
                }}
              >
                {t('measurements.form.later')}
              </Link>
            </div>
          </div>
        </>
      )}
    </>
  )
}
