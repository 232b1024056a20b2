import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { MethodDetails } from '../evidence/MethodDetails'
import { useLayoutFamily } from '../families/layoutFamily'
import { FactorsSection } from './FactorsSection'
import { InstrumentOutcomesCard } from './InstrumentOutcomesCard'
import { NormsList } from './NormsList'
import { PlanSection } from './PlanSection'
import { RciTable } from './RciTable'
import { useOutcomes } from './queries'
import './measurements.css'
import '../evidence/evidence.css'

/** A family's measurements: the wave plan, outcomes per instrument and scale, and hindering/facilitating factors. */
export function OutcomesPage() {
  const { familyId = '' } = useParams()
  const { t } = useTranslation()
  const { family } = useLayoutFamily()
  const outcomes = useOutcomes(familyId)
  const canWrite = !family.archived_at
  const title = t('measurements.outcomes.title')
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${family.id}`}>← {family.display_name}</Link>
      </p>
      <PageHeading title={`${title} · ${family.reference}`}>
        {title} <span className="heading-sub">{family.display_name}</span>
      </PageHeading>
      <PlanSection familyId={family.id} canWrite={canWrite} />
      {outcomes.isPending ? (
        <Loading />
      ) : outcomes.isError ? (
        <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} />
      ) : outcomes.data.instruments.length === 0 ? (
        <section className="card">
          <EmptyState title={t('measurements.outcomes.empty')}>
            <p>{t('measurements.outcomes.emptyHint')}</p>
          </EmptyState>
        </section>
      ) : (
        <>
          {outcomes.data.instruments.map((instrument) => (
            <InstrumentOutcomesCard key={instrument.code} outcomes={instrument} />
          ))}
          <MethodDetails criterion={outcomes.data.rci_criterion}>
            <NormsList codes={outcomes.data.instruments.map((instrument) => instrument.code)} />
            <RciTable outcomes={outcomes.data} />
          </MethodDetails>
        </>
      )}
      <FactorsSection familyId={family.id} canWrite={canWrite} />
    </>
  )
}
