import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '../../../components/Page'
import { EmptyState, ErrorState, Loading } from '../../../components/States'
import { useInstruments } from '../queries'
import { localized } from '../text'
import { FactorsAdmin } from './FactorsAdmin'
import '../measurements.css'

/** Administrator: the organisation's questionnaires (latest version, licence) and the coded factor list. */
export function InstrumentsPage() {
  const { t, i18n } = useTranslation()
  const instruments = useInstruments()
  const title = t('measurements.admin.title')
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('measurements.admin.intro')}</p>
      <section className="card" aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">{t('measurements.admin.instruments')}</h2>
        {instruments.isPending ? (
          <Loading />
        ) : instruments.isError ? (
          <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />
        ) : instruments.data.items.length === 0 ? (
          <EmptyState title={t('measurements.admin.none')} />
        ) : (
          <table className="table table-cards table-compact">
            <caption className="visually-hidden">{t('measurements.admin.instruments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measurements.admin.name')}</th>
                <th scope="col">{t('measurements.admin.version')}</th>
                <th scope="col">{t('measurements.admin.respondent')}</th>
                <th scope="col">{t('measurements.admin.use')}</th>
                <th scope="col">{t('measurements.admin.licence')}</th>
              </tr>
            </thead>
            <tbody>
              {instruments.data.items.map((item) => (
                <tr key={item.code}>
                  <th scope="row" data-label={t('measurements.admin.name')}>
                    <Link to={`/admin/instruments/${item.code}`}>{localized(item.name, i18n.language)}</Link>{' '}
                    <span className="muted">({item.code})</span>
                  </th>
                  <td data-label={t('measurements.admin.version')}>
                    {t('measurements.admin.versionValue', { version: item.version, count: item.n_versions })}
                  </td>
                  <td data-label={t('measurements.admin.respondent')}>
                    {t(`measurements.admin.respondents.${item.respondent}`)}
                  </td>
                  <td data-label={t('measurements.admin.use')}>{t(`measurements.admin.uses.${item.use}`)}</td>
                  <td data-label={t('measurements.admin.licence')}>
                    <span className="cell">
                      {item.licence.owner}
                      {item.licence.item_text_reproducible ? null : (
                        <span className="muted"> · {t('measurements.admin.noItemText')}</span>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <FactorsAdmin />
    </>
  )
}
