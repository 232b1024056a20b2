import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../i18n/format'
import { useFamilyAttention } from '../workday/queries'
import type { FamilyDetail } from '../../api/types'

/** "Wat vraagt aandacht": this family's open alerts and evaluation debt, each a link to where it is handled. */
export function AttentionStrip({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation()
  const { debt, alerts } = useFamilyAttention(family.id)
  if (family.status === 'closed') {
    return (
      <p className="attention-strip">
        <Link to={`/families/${family.id}/afsluiten`}>
          {t('workday.family.closed', { date: formatDate(family.ended_on) })}
        </Link>
      </p>
    )
  }
  if (debt.isPending || alerts.isPending) return null
  const base = `/families/${family.id}`
  const items = debt.data?.items ?? []
  const goals = items.filter((i) => i.kind === 'goal_without_score').length
  const actions = items.filter((i) => i.kind === 'overdue_action').length
  const questionnaires = debt.data?.measurements?.length ?? 0
  const open = alerts.data?.items.length ?? 0
  const parts = [
    open ? { to: base, text: t('workday.count.alerts', { count: open }), urgent: true } : null,
    actions ? { to: `${base}/plan`, text: t('workday.count.actions', { count: actions }), urgent: false } : null,
    goals ? { to: `${base}/plan`, text: t('workday.count.goals', { count: goals }), urgent: false } : null,
    questionnaires
      ? { to: `${base}/outcomes`, text: t('workday.count.questionnaires', { count: questionnaires }), urgent: false }
      : null,
  ].filter((part) => part !== null)
  return (
    <section className="attention-strip" aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="attention-title">
        {t('workday.family.attention')}
      </h2>
      {parts.length === 0 ? (
        <p className="muted">{t('workday.family.nothing')}</p>
      ) : (
        <ul>
          {parts.map((part) => (
            <li key={part.text}>
              <Link className={part.urgent ? 'badge badge-danger' : 'badge badge-warning'} to={part.to}>
                {part.text}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
