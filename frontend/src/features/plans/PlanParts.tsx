import { useTranslation } from 'react-i18next'
import type { Goal } from './types'

export interface DomainGroup {
  code: string
  label: string
  goals: Goal[]
}

/** Goals by life domain in the domains' own order; within a domain the most important first. */
export function groupByDomain(goals: readonly Goal[], language: string): DomainGroup[] {
  const groups = new Map<string, DomainGroup & { position: number }>()
  for (const goal of goals) {
    const domain = goal.life_domain
    const group = groups.get(domain.code) ?? {
      code: domain.code,
      label: language.startsWith('en') ? domain.label_en : domain.label_nl,
      position: domain.position,
      goals: [],
    }
    group.goals.push(goal)
    groups.set(domain.code, group)
  }
  return [...groups.values()]
    .sort((a, b) => a.position - b.position || a.label.localeCompare(b.label))
    .map(({ code, label, goals: list }) => ({ code, label, goals: [...list].sort((a, b) => a.priority - b.priority) }))
}

/** The family's GAS T-score with what it means in plain words (50 = as expected). */
export function TScore({ value }: { value: number | null }) {
  const { t } = useTranslation()
  const rounded = value === null ? null : Math.round(value)
  const meaning = rounded === null ? null : rounded > 52 ? 'above' : rounded < 48 ? 'below' : 'expected'
  return (
    <section className="card t-score" aria-labelledby="t-score-heading">
      <h2 id="t-score-heading">{t('plan.tScore.title')}</h2>
      {rounded === null ? (
        <p>{t('plan.tScore.none')}</p>
      ) : (
        <p className="t-score-value">
          <span className="t-score-number">{rounded}</span> <span>{t(`plan.tScore.${meaning ?? 'expected'}`)}</span>
        </p>
      )}
      <p className="muted">{t('plan.tScore.explain')}</p>
    </section>
  )
}
