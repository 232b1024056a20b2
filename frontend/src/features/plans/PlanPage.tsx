import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { useLayoutFamily } from '../families/layoutFamily'
import { GoalCard } from './GoalCard'
import { GoalForm } from './GoalForm'
import { MeasurementDebt } from '../measurements/MeasurementDebt'
import { groupByDomain, TScore } from './PlanParts'
import { useGasSeries, useLifeDomains, usePlan } from './queries'
import type { ScorePoint } from './types'
import { VersionHistory } from './VersionHistory'
import { FamilyProposals } from '../voice/FamilyProposals'
import './plan.css'
import { useDraft } from '../auth/drafts'

export function PlanPage() {
  const { familyId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const { family: detail, reload: reloadFamily } = useLayoutFamily()
  const plan = usePlan(familyId)
  const series = useGasSeries(familyId)
  const domains = useLifeDomains()
  // An open goal form stays open across a reload (its draft is kept too).
  const [adding, setAdding] = useDraft(`plan.adding.${familyId}`, () => false, { persist: true })

  if (plan.isError) {
    if (isApiError(plan.error, 404) || isApiError(plan.error, 422)) return <NotFound kind="family" />
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
  }
  if (plan.isPending) return <Loading label={t('plan.loading')} />

  const loaded = plan.data
  const readOnly = detail.archived_at !== null
  const reload = () => {
    void plan.refetch()
    reloadFamily()
  }
  const scoresByGoal = new Map<string, ScorePoint[]>((series.data?.goals ?? []).map((g) => [g.goal_id, g.scores]))
  const groups = groupByDomain(loaded.plan.goals, i18n.language)
  const latest = loaded.plan.latest_version

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${familyId}`}>← {t('plan.backToFamily')}</Link>
      </p>
      <PageHeading
        title={t('plan.pageTitle', { reference: detail.reference })}
        actions={
          <Link className="button button-secondary" to={`/families/${familyId}/plan/print`}>
            {t('plan.print.open')}
          </Link>
        }
      >
        {t('plan.title')} <span className="heading-sub">{detail.display_name}</span>
      </PageHeading>
      <FamilyProposals familyId={familyId} />
      <p className="lead">
        {latest
          ? t('plan.latestVersion', {
              number: latest.number,
              date: formatDateTime(latest.adopted_at),
              name: latest.adopted_by_name ?? '—',
            })
          : t('plan.notAdopted')}
        {loaded.plan.has_unadopted_changes && latest ? ` ${t('plan.draftChanged')}` : ''}
      </p>

      <div className="plan-grid">
        <div className="plan-main">
          <TScore value={loaded.plan.gas_t_score} />
          {readOnly ? null : adding ? (
            <section className="card" aria-label={t('plan.goal.newTitle')}>
              {domains.isPending ? <Loading /> : null}
              {domains.isError ? <ErrorState error={domains.error} onRetry={() => void domains.refetch()} /> : null}
              {domains.data ? (
                <GoalForm
                  familyId={familyId}
                  domains={domains.data.items}
                  members={detail.members}
                  onDone={() => setAdding(false)}
                  onCancel={() => setAdding(false)}
                  onReload={reload}
                />
              ) : null}
            </section>
          ) : (
            <p>
              <button type="button" className="button" onClick={() => setAdding(true)}>
                {t('plan.goal.add')}
              </button>
            </p>
          )}
          {loaded.plan.goals.length === 0 ? (
            <EmptyState title={t('plan.empty.title')}>
              <p>{t('plan.empty.body')}</p>
            </EmptyState>
          ) : null}
          {groups.map((group) => (
            <section key={group.code} className="domain" aria-labelledby={`domain-${group.code}`}>
              <h2 id={`domain-${group.code}`}>{group.label}</h2>
              {group.goals.map((goal) => (
                <GoalCard
                  key={goal.id}
                  familyId={familyId}
                  goal={goal}
                  scores={scoresByGoal.get(goal.id) ?? []}
                  family={detail}
                  domains={domains.data?.items ?? [goal.life_domain]}
                  readOnly={readOnly}
                  onReload={reload}
                />
              ))}
            </section>
          ))}
        </div>
        <div className="plan-side">
          <MeasurementDebt familyId={familyId} />
          <VersionHistory
            familyId={familyId}
            loaded={loaded}
            refreshing={plan.isFetching}
            readOnly={readOnly}
            onReload={reload}
          />
          <p className="muted small">{t('plan.updated', { date: formatDate(loaded.plan.updated_at) })}</p>
        </div>
      </div>
    </>
  )
}
