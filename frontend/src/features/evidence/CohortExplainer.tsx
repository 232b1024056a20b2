import { useTranslation } from 'react-i18next'

const POINTS = ['unit', 'change', 'control', 'who', 'count', 'funders'] as const

/** Plain words on what each cohort figure means and what it cannot show. */
export function CohortExplainer() {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="cohort-explainer">
      <h2 id="cohort-explainer">{t('evidence.explainTitle')}</h2>
      <ul className="explainer-list">
        {POINTS.map((point) => (
          <li key={point}>{t(`evidence.explain.${point}`)}</li>
        ))}
      </ul>
    </section>
  )
}
