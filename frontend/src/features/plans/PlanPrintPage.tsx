import { useEffect } from 'react'
import { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useFamily } from '../families/queries'
import { groupByDomain } from './PlanParts'
import { usePrintFooter } from './printFooter'
import { usePlan } from './queries'
import { LEVELS, type Level, ladderText, levelLabel } from './types'
import './plan.css'
import type { TranslationKey } from '../../i18n/keys'

/** What each step of the ladder means, in the family's words, for the printed plan's legend. */
const SCALE_TEXT = {
  [-2]: 'plan.print.scale.0',
  [-1]: 'plan.print.scale.1',
  0: 'plan.print.scale.2',
  1: 'plan.print.scale.3',
  2: 'plan.print.scale.4',
} as const satisfies Record<Level, TranslationKey>

/** The plan as a family takes it home: plain Dutch (B1), their own words, who does what by when. */
export function PlanPrintPage() {
  const { familyId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const family = useFamily(familyId)
  const plan = usePlan(familyId)
  const reference = family.data?.family.reference ?? ''

  useEffect(() => {
    document.title = `${t('plan.print.docTitle', { reference })} · Bondgenoot`
  }, [t, reference])
  const supporter = family.data?.family.supporter_name
  const phone = family.data?.family.supporter_phone
  usePrintFooter({ left: supporterLine(t, supporter, phone), page: t('plan.print.page'), of: t('plan.print.of') })

  if (family.isError || plan.isError) {
    const failed: unknown = family.error ?? plan.error
    if (isApiError(failed, 404) || isApiError(failed, 422)) return <NotFound kind="family" />
    return <ErrorState error={failed} />
  }
  if (family.isPending || plan.isPending) return <Loading label={t('plan.loading')} />

  const { family: detail } = family.data
  const { plan: living } = plan.data
  const goals = living.goals.filter((g) => g.status !== 'discontinued')
  const latest = living.latest_version
  const names = new Map(detail.members.map((m) => [m.id, m.display_name]))
  const groups = groupByDomain(goals, i18n.language)
  // Goals are numbered through the whole document, so "goal 2" means one thing at the kitchen table.
  const numbers = new Map(groups.flatMap((g) => g.goals).map((goal, index) => [goal.id, index]))

  return (
    <div className="print-doc">
      <div className="print-tools no-print">
        <Link to={`/families/${familyId}/plan`}>← {t('plan.print.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('plan.print.button')}
        </button>
      </div>
      <h1>{t('plan.print.heading', { name: detail.display_name })}</h1>
      <p className="print-meta">
        {latest
          ? t('plan.print.version', { number: latest.number, date: formatDate(latest.adopted_at) })
          : t('plan.print.draft')}
        {detail.supporter_name ? ` · ${t('plan.print.supporter', { name: detail.supporter_name })}` : ''}
        {detail.supporter_phone ? (
          <>
            {' · '}
            {t('plan.print.phone')}{' '}
            <a className="print-phone" href={`tel:${detail.supporter_phone.replace(/[^+\d]/g, '')}`}>
              {detail.supporter_phone}
            </a>
          </>
        ) : null}
      </p>
      <p>{t('plan.print.intro')}</p>
      <h2>{t('plan.print.ladderHeading')}</h2>
      <p>{t('plan.print.ladderIntro')}</p>
      <ul className="print-scale">
        {LEVELS.map((level) => (
          <li key={level}>
            <strong>{levelLabel(level)}</strong> {t(SCALE_TEXT[level])}
          </li>
        ))}
      </ul>
      {goals.length === 0 ? <p>{t('plan.print.noGoals')}</p> : null}
      {groups.map((group) => (
        <section key={group.code} className="print-domain">
          <h2>{group.label}</h2>
          {group.goals.map((goal) => {
            const concerns = goal.member_ids.map((id) => names.get(id)).filter(Boolean)
            const open = goal.actions.filter((a) => a.status !== 'cancelled')
            return (
              <article key={goal.id} className="print-goal">
                <h3>
                  {t('plan.print.goalNumber', { number: (numbers.get(goal.id) ?? 0) + 1 })} {goal.text}
                </h3>
                <p>
                  {concerns.length > 0
                    ? t('plan.print.concerns', { names: concerns.join(', ') })
                    : t('plan.print.forFamily')}
                  {goal.target_on ? ` ${t('plan.print.target', { date: formatDate(goal.target_on) })}` : ''}
                </p>
                {goal.ladder ? (
                  <table className="print-ladder">
                    <caption>{t('plan.print.ladderCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('plan.print.step')}</th>
                        <th scope="col">{t('plan.print.looksLike')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {LEVELS.map((level) => (
                        <tr key={level} className={goal.gas_level === level ? 'print-now' : undefined}>
                          <th scope="row">{levelLabel(level)}</th>
                          <td>
                            {ladderText(goal.ladder, level)}
                            {goal.gas_level === level ? <strong> {t('plan.print.now')}</strong> : null}
                            {goal.baseline_level === level && goal.gas_level !== level ? (
                              <em> {t('plan.print.start')}</em>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                <h4>{t('plan.print.whoWhat')}</h4>
                {open.length === 0 ? (
                  <p>{t('plan.print.noActions')}</p>
                ) : (
                  <ul className="print-actions">
                    {open.map((action) => (
                      <li key={action.id}>
                        <strong>{action.owner_name ?? '—'}</strong>: {action.description}
                        {action.status === 'done'
                          ? ` (${t('plan.print.done')})`
                          : action.due_on
                            ? ` ${t('plan.print.by', { date: formatDate(action.due_on) })}`
                            : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            )
          })}
        </section>
      ))}
      <p className="print-footer">
        {detail.supporter_phone
          ? t('plan.print.footerPhone', { date: formatDate(new Date().toISOString()), phone: detail.supporter_phone })
          : t('plan.print.footer', { date: formatDate(new Date().toISOString()) })}
      </p>
    </div>
  )
}

/** "Jullie bondgenoot: Jolien, 06 12345678" for the printed footer (without a number when none is set). */
function supporterLine(t: TFunction, name: string | null | undefined, phone: string | null | undefined): string {
  if (!name) return ''
  return phone ? t('plan.print.footerLeft', { name, phone }) : t('plan.print.supporter', { name })
}
