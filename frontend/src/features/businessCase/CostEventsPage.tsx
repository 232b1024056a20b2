import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../components/States'
import { formatDate } from '../../i18n/format'
import { useLayoutFamily } from '../families/layoutFamily'
import { CostEventForm } from './CostEventForm'
import { formatDecimal } from './money'
import { useCostEvents, useDeleteCostEvent, useModel } from './queries'
import type { CostEvent } from './types'
import './businessCase.css'
import { Scroll } from './Scroll'
import { codeText } from '../../i18n/keys'

/** A family's cost events, before and during support: what the business case's observations rest on. */
export function CostEventsPage() {
  const { t } = useTranslation()
  const { family } = useLayoutFamily()
  const model = useModel()
  if (model.isPending) return <Loading />
  if (model.isError) return <ErrorState error={model.error} onRetry={() => void model.refetch()} />
  const title = t('businessCase.events.title', { name: family.display_name })
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/families/${family.id}`}>← {t('businessCase.events.back')}</Link>
      </p>
      <PageHeading title={`${t('businessCase.events.link')} · ${family.reference}`}>{title}</PageHeading>
      <p className="lead">{t('businessCase.events.intro')}</p>
      {family.archived_at ? null : <CostEventForm familyId={family.id} model={model.data.model} />}
      <EventList familyId={family.id} canWrite={!family.archived_at} />
    </>
  )
}

function EventList({ familyId, canWrite }: { familyId: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const events = useCostEvents(familyId)
  const remove = useDeleteCostEvent(familyId)
  if (events.isPending) return <Loading />
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />
  const items = [...events.data.items].sort((a, b) => b.occurred_on.localeCompare(a.occurred_on))
  const what = (event: CostEvent) => event.factor_name ?? event.factor_code
  return (
    <section className="card" aria-labelledby="cost-events">
      <h2 id="cost-events">{t('businessCase.events.caption')}</h2>
      {items.length === 0 ? (
        <EmptyState title={t('businessCase.events.empty')} />
      ) : (
        <Scroll labelledBy="cost-events">
          <table className="table table-cards table-compact">
            <thead>
              <tr>
                <th scope="col">{t('businessCase.events.when')}</th>
                <th scope="col">{t('businessCase.events.what')}</th>
                <th scope="col">{t('businessCase.events.amount')}</th>
                <th scope="col">{t('businessCase.events.phase')}</th>
                <th scope="col">{t('businessCase.events.who')}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('businessCase.events.delete')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id}>
                  <th scope="row" data-label={t('businessCase.events.when')}>
                    {formatDate(event.occurred_on)}
                    {event.ended_on ? ` – ${formatDate(event.ended_on)}` : ''}
                  </th>
                  <td data-label={t('businessCase.events.what')}>
                    {what(event)}
                    {event.note ? <span className="muted bc-sub">{event.note}</span> : null}
                  </td>
                  <td data-label={t('businessCase.events.amount')}>
                    {formatDecimal(event.volume, 3)} {event.unit ? t(`businessCase.unit.${event.unit}`) : ''}
                  </td>
                  <td data-label={t('businessCase.events.phase')}>
                    {codeText(t, 'businessCase.events.phases', event.phase)}
                  </td>
                  <td data-label={t('businessCase.events.who')}>{event.recorded_by_name ?? '—'}</td>
                  {canWrite ? (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('businessCase.events.deleteLabel', {
                          what: what(event),
                          date: formatDate(event.occurred_on),
                        })}
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('businessCase.events.confirmDelete'))) remove.mutate(event.id)
                        }}
                      >
                        {t('businessCase.events.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  )
}
