import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/Page'
import { Alert, EmptyState, ErrorState, Loading, errorText } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { LicenceNote } from './LicenceNote'
import { useAnswerWorkEngagement, useMyWorkEngagement } from './queries'
import { OpenQuestions, QuestionnaireForm } from './QuestionnaireForm'
import { ScoreTable } from './ScoreTable'
import { formatScore, localized, unansweredItems, withAnswer } from './text'
import type { WorkEngagementMine } from './types'
import './measurements.css'

/** A supporter's own work engagement (UWES-9): answer it and see your own results; nobody else sees them. */
export function WorkEngagementPage() {
  const { t } = useTranslation()
  const query = useMyWorkEngagement()
  const title = t('measurements.engagement.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Alert kind="info">
        <p>{t('measurements.engagement.privacy')}</p>
      </Alert>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Engagement data={query.data} />
      )}
    </>
  )
}

function Engagement({ data }: { data: WorkEngagementMine }) {
  const { t, i18n } = useTranslation()
  const [answering, setAnswering] = useState(data.entries.length === 0)
  const latest = data.entries[0]
  return (
    <>
      {latest ? (
        <section className="card" aria-labelledby="latest-heading">
          <h2 id="latest-heading">{t('measurements.engagement.latest', { date: formatDate(latest.completed_at) })}</h2>
          <ScoreTable scores={latest.scores} caption={t('measurements.engagement.latestCaption')} showChange={false} />
          {answering ? null : (
            <p>
              <button type="button" className="button" onClick={() => setAnswering(true)}>
                {t('measurements.engagement.again')}
              </button>
            </p>
          )}
        </section>
      ) : null}
      {answering ? <AnswerForm data={data} onDone={() => setAnswering(false)} /> : null}
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('measurements.engagement.history')}</h2>
        {data.entries.length === 0 ? (
          <EmptyState title={t('measurements.engagement.none')} />
        ) : (
          <table className="table table-cards table-compact">
            <caption className="visually-hidden">{t('measurements.engagement.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measurements.engagement.date')}</th>
                {data.entries[0]?.scores.map((score) => (
                  <th scope="col" key={score.code}>
                    {localized(score.name, i18n.language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" data-label={t('measurements.engagement.date')}>
                    {formatDate(entry.completed_at)}
                  </th>
                  {entry.scores.map((score) => (
                    <td key={score.code} data-label={localized(score.name, i18n.language)}>
                      {formatScore(score.score)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

function AnswerForm({ data, onDone }: { data: WorkEngagementMine; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const answer = useAnswerWorkEngagement()
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [flagged, setFlagged] = useState<number[]>([])
  const definition = data.instrument
  const onAnswer = (item: number, value: number | null) => {
    setAnswers((current) => withAnswer(current, String(item), value))
    setFlagged((current) => current.filter((number) => number !== item))
  }
  const onSubmit = () => {
    const open = unansweredItems(definition, answers)
    if (open.length > 0) {
      setFlagged(open)
      document.getElementById('engagement-warning')?.focus()
      return
    }
    answer.mutate(answers, { onSuccess: onDone })
  }
  return (
    <section className="card" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{localized(definition.name, i18n.language)}</h2>
      <LicenceNote licence={definition.licence} source={definition.source} />
      <p className="muted">{localized(definition.description, i18n.language)}</p>
      <QuestionnaireForm definition={definition} answers={answers} onAnswer={onAnswer} flagged={flagged} />
      <OpenQuestions
        id="engagement-warning"
        flagged={flagged}
        body={t('measurements.engagement.allNeeded', { items: flagged.join(', ') })}
      />
      {answer.isError ? (
        <Alert kind="error">
          <p>{errorText(answer.error, t)}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onSubmit} disabled={answer.isPending}>
          {answer.isPending ? t('common.saving') : t('measurements.engagement.submit')}
        </button>
      </div>
    </section>
  )
}
