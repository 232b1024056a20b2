import { useTranslation } from 'react-i18next'
import type { CohortOutcomes } from '../measurements/types'

const STATUSES = ['intake', 'active', 'phasing_out', 'closed'] as const

/** The mean GAS T-score in plain words: 50 is as expected, and 10 points is about one step on the ladder. */
export function gasVerdict(score: number): 'below' | 'expected' | 'above' {
  if (score < 45) return 'below'
  return score > 55 ? 'above' : 'expected'
}

/** How many families the cohort holds in the window, their status at its end, GAS and meetings. */
export function CohortSummary({ data }: { data: CohortOutcomes }) {
  const { t } = useTranslation()
  const score = data.mean_gas_t_score
  return (
    <section className="card" aria-labelledby="cohort-summary">
      <h2 id="cohort-summary">{t('evidence.summaryTitle')}</h2>
      <p>
        <strong>{t('evidence.families', { count: data.n_families })}</strong>
      </p>
      <p className="muted">{t('evidence.byStatus')}</p>
      <ul className="inline-list">
        {STATUSES.filter((status) => data.by_status[status]).map((status) => (
          <li key={status}>
            {t(`evidence.status.${status}`)}: {data.by_status[status]}
          </li>
        ))}
      </ul>
      <p>
        {score != null
          ? t('evidence.gas', { verdict: t(`evidence.gasVerdict.${gasVerdict(score)}`), count: data.gas_families })
          : t('evidence.gasNone')}
      </p>
      <p>{t('evidence.meetings', { count: data.meetings_held })}</p>
    </section>
  )
}
