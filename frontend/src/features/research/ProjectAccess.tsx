import { useTranslation } from 'react-i18next'
import { Alert, errorText } from '../../components/States'
import { formatDate, formatDateTime } from '../../i18n/format'
import { useMe } from '../auth/AuthContext'
import { GrantAccessForm } from './GrantAccessForm'
import { useJoinProject } from './queries'
import type { ResearchProjectDetail } from './types'

/** The organisations taking part (with a join button for your own), who has access, and the downloads made. */
export function ProjectAccess({ project }: { project: ResearchProjectDetail }) {
  const { t } = useTranslation()
  const me = useMe()
  const join = useJoinProject()
  const isStaff = me.role === 'admin' || me.role === 'coordinator'
  const researchers = project.researchers ?? []
  const downloads = project.downloads ?? []
  return (
    <>
      <h3>{t('research.organisations.title')}</h3>
      <ul className="entity-list research-organisations">
        {project.organisations.map((organisation) => {
          const own = organisation.organisation_id === me.organisation_id
          return (
            <li key={organisation.organisation_id}>
              <span>
                <strong>{organisation.code}</strong> {isStaff ? organisation.organisation_name : null}
              </span>
              <span className={organisation.joined_at ? 'badge badge-active' : 'badge'}>
                {organisation.joined_at
                  ? t('research.organisations.joined', { date: formatDate(organisation.joined_at) })
                  : t('research.organisations.invited')}
              </span>
              {own && !organisation.joined_at && me.role === 'admin' ? (
                <button
                  type="button"
                  className="button button-small"
                  disabled={join.isPending}
                  onClick={() => join.mutate(project.id)}
                >
                  {t('research.organisations.join')}
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
      {join.isError ? <Alert kind="error">{errorText(join.error, t)}</Alert> : null}
      {isStaff ? (
        <>
          <h3>{t('research.access.title')}</h3>
          {researchers.length === 0 ? (
            <p className="muted">{t('research.access.none')}</p>
          ) : (
            <ul className="research-list">
              {researchers.map((r) => (
                <li key={r.user_id}>
                  {r.full_name} ({r.email}) —{' '}
                  {r.revoked_at
                    ? t('research.access.revoked')
                    : t('research.access.since', { date: formatDate(r.granted_at) })}
                </li>
              ))}
            </ul>
          )}
          {project.owned && me.role === 'admin' ? (
            <GrantAccessForm
              projectId={project.id}
              granted={researchers.filter((r) => !r.revoked_at).map((r) => r.user_id)}
            />
          ) : null}
          <h3>{t('research.downloads.title')}</h3>
          {downloads.length === 0 ? (
            <p className="muted">{t('research.downloads.none')}</p>
          ) : (
            <ul className="research-list">
              {downloads.map((d) => (
                <li key={d.occurred_at}>
                  {formatDateTime(d.occurred_at)} — {d.actor_name ?? t('research.downloads.unknown')}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  )
}
