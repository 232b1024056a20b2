import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useMe } from '../auth/AuthContext'
import { DownloadButton } from './DownloadButton'
import { ProjectAccess } from './ProjectAccess'
import { useResearchProject } from './queries'
import { ResponseTable } from './ResponseTable'
import { codeText } from '../../i18n/keys'

/** One research project: what is shared, who takes part, the download (researchers) and response tracking. */
export function ProjectSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const me = useMe()
  const project = useResearchProject(projectId)
  const titleId = `project-${projectId}`
  if (project.isPending) return <Loading />
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />
  const p = project.data
  return (
    <section className="card research-project" aria-labelledby={titleId}>
      <h2 id={titleId}>{p.title}</h2>
      <dl className="research-facts">
        <div>
          <dt>{t('research.project.institution')}</dt>
          <dd>{p.institution}</dd>
        </div>
        <div>
          <dt>{t('research.project.period')}</dt>
          <dd>
            {t('research.project.periodValue', {
              from: formatDate(p.period_start_on),
              to: formatDate(p.period_end_on),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('research.project.threshold')}</dt>
          <dd>{t('research.project.thresholdValue', { k: p.small_cell_threshold })}</dd>
        </div>
        <div className="research-facts-wide">
          <dt>{t('research.project.shares')}</dt>
          <dd>{p.shares.map((s) => codeText(t, 'research.tables', s)).join(', ')}</dd>
        </div>
      </dl>
      {me.role === 'researcher' ? (
        <>
          <h3>{t('research.download.title')}</h3>
          <p>{t('research.download.intro')}</p>
          <DownloadButton projectId={p.id} />
        </>
      ) : null}
      <ProjectAccess project={p} />
      <h3 id={`${titleId}-response`}>{t('research.response.title')}</h3>
      <p className="muted">{t('research.response.intro')}</p>
      <ResponseTable projectId={p.id} titleId={`${titleId}-response`} />
    </section>
  )
}
