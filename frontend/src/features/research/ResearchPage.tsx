import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { useMe } from '../auth/AuthContext'
import { ProjectSection } from './ProjectSection'
import { useResearchProjects } from './queries'
import './research.css'

/** Research projects: administrators see who takes part and what was downloaded; researchers download. */
export function ResearchPage() {
  const { t } = useTranslation()
  const me = useMe()
  const projects = useResearchProjects()
  const title = t('research.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{me.role === 'researcher' ? t('research.introResearcher') : t('research.introStaff')}</p>
      {projects.isPending ? (
        <Loading />
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.items.length === 0 ? (
        <EmptyState title={t('research.empty')} />
      ) : (
        projects.data.items.map((project) => <ProjectSection key={project.id} projectId={project.id} />)
      )}
    </>
  )
}
