import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../../components/Page'
import { PagedList } from '../../components/PagedList'
import { formatDate } from '../../i18n/format'
import { useTeam } from './queries'
import type { TeamMember } from './types'
import './workday.css'

/**
 * The coordinator's week: per supporter the caseload against the norm, debt by kind, alerts, flagged meetings.
 * A page of supporters at a time, heaviest caseload first; the first page starts with the families without one.
 */
export function TeamPage() {
  const { t } = useTranslation()
  const query = useTeam()
  const title = t('workday.team.title')
  const first = query.data?.pages[0]
  const members = query.data?.pages.flatMap((page) => page.members) ?? []
  const norm = first?.caseload_norm ?? 0
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {first ? (
        <p className="muted">
          {t('workday.team.intro', { norm, days: first.threshold_days, date: formatDate(first.on) })}
        </p>
      ) : null}
      <PagedList query={query} count={members.length} empty={t('workday.team.empty')} more={t('workday.team.more')}>
        <table className="table table-cards wd-team">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workday.team.supporter')}</th>
              <th scope="col">{t('workday.team.caseload')}</th>
              <th scope="col">{t('workday.team.goals')}</th>
              <th scope="col">{t('workday.team.actions')}</th>
              <th scope="col">{t('workday.team.questionnaires')}</th>
              <th scope="col">{t('workday.team.alerts')}</th>
              <th scope="col">{t('workday.team.flagged')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <Row key={member.supporter_id ?? 'none'} member={member} norm={norm} />
            ))}
          </tbody>
        </table>
      </PagedList>
    </>
  )
}

function Row({ member, norm }: { member: TeamMember; norm: number }) {
  const { t } = useTranslation()
  const share = Math.min(100, Math.round((member.caseload / norm) * 100))
  const name = member.supporter_name ?? t('workday.team.unassigned')
  return (
    <tr>
      <th scope="row" data-label={t('workday.team.supporter')}>
        {member.supporter_id ? (
          <Link to={`/team/${member.supporter_id}`}>{name}</Link>
        ) : (
          <Link to="/families">{name}</Link>
        )}
      </th>
      <td data-label={t('workday.team.caseload')}>
        {t('workday.team.ofNorm', { count: member.caseload, norm })}
        {member.over_norm ? <span className="badge badge-danger"> {t('workday.team.over')}</span> : null}
        <span className={member.over_norm ? 'wd-norm is-over' : 'wd-norm'} aria-hidden="true">
          <span style={{ width: `${share}%` }} />
        </span>
      </td>
      <td data-label={t('workday.team.goals')}>{member.goals_without_score}</td>
      <td data-label={t('workday.team.actions')}>{member.overdue_actions}</td>
      <td data-label={t('workday.team.questionnaires')}>{member.measurements_due}</td>
      <td data-label={t('workday.team.alerts')}>
        {member.open_alerts > 0 ? <span className="badge badge-danger">{member.open_alerts}</span> : 0}
      </td>
      <td data-label={t('workday.team.flagged')}>{member.flagged_meetings}</td>
    </tr>
  )
}
