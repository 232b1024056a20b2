import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/errors'
import { NotFound } from '../../components/NotFound'
import { PageHeading } from '../../components/Page'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useMe } from '../auth/AuthContext'
import { AlertGroups } from './AlertGroups'
import { AttentionTable } from './AttentionTable'
import { GoalsWithoutScore, MeetingsThisWeek, OverdueActions, Questionnaires } from './DebtLists'
import { useWorklist } from './queries'
import './workday.css'

/**
 * What needs attention today: a supporter's own start page, or (from the team page) a supporter's caseload
 * opened by a coordinator, with reassignment per family.
 */
export function WorklistPage() {
  const { t } = useTranslation()
  const me = useMe()
  const { supporterId = null } = useParams()
  const query = useWorklist(supporterId)
  if (query.isPending) return <Loading label={t('workday.loading')} />
  if (query.isError) {
    if (isApiError(query.error, 404)) return <NotFound />
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  }
  const list = query.data
  const forOther = supporterId !== null && supporterId !== me.id
  const title = forOther ? t('workday.titleOther') : t('workday.title')
  const counts = [
    t('workday.count.alerts', { count: list.alert_groups.reduce((n, g) => n + g.alerts.length, 0) }),
    t('workday.count.actions', { count: list.overdue_actions.length }),
    t('workday.count.goals', { count: list.goals_without_score.length }),
    t('workday.count.questionnaires', { count: list.questionnaires.length }),
    t('workday.count.meetings', { count: list.meetings.length }),
  ]
  return (
    <>
      {forOther ? (
        <p className="breadcrumb">
          <Link to="/team">← {t('workday.team.back')}</Link>
        </p>
      ) : null}
      <PageHeading
        title={title}
        actions={
          forOther ? null : (
            <Link className="button button-secondary" to="/families/new">
              {t('caseload.newFamily')}
            </Link>
          )
        }
      >
        {title}
      </PageHeading>
      <p className="muted">{t('workday.on', { date: formatDate(list.on) })}</p>
      <ul className="wd-summary" aria-label={t('workday.summary')}>
        {counts.map((text) => (
          <li key={text} className="badge">
            {text}
          </li>
        ))}
      </ul>
      <div className="workday-grid">
        <AttentionTable families={list.families} reassignFrom={forOther ? list.supporter_id : undefined} />
        <AlertGroups groups={list.alert_groups} />
        <OverdueActions items={list.overdue_actions} />
        <GoalsWithoutScore items={list.goals_without_score} threshold={list.threshold_days} />
        <Questionnaires items={list.questionnaires} />
        <MeetingsThisWeek items={list.meetings} />
      </div>
    </>
  )
}
