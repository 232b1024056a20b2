import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../../api/errors'
import { NotFound } from '../../../components/NotFound'
import { PageHeading } from '../../../components/Page'
import { Alert, ErrorState, Loading } from '../../../components/States'
import { formatDate } from '../../../i18n/format'
import { LicenceNote } from '../LicenceNote'
import { useInstrument } from '../queries'
import { formatScore, itemText, localized, optionSetOf } from '../text'
import type { Definition, InstrumentDetail, Scale } from '../types'
import { InstrumentEditForm } from './InstrumentEditForm'
import { PhoneOfferNote } from '../../voice/PhoneOfferNote'
import '../measurements.css'

/** Administrator: one questionnaire as a structured view (items, scales, bands, norms, versions) and its edit form. */
export function InstrumentPage() {
  const { code = '' } = useParams()
  const query = useInstrument(code)
  if (query.isPending) return <Loading />
  if (query.isError) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) return <NotFound />
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  }
  return <Instrument detail={query.data} />
}

function Instrument({ detail }: { detail: InstrumentDetail }) {
  const { t, i18n } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [savedNew, setSavedNew] = useState<boolean | null>(null)
  const definition = detail.definition
  const name = localized(definition.name, i18n.language)
  const latest = detail.versions.find((version) => version.version === definition.version)
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/instruments">← {t('measurements.admin.title')}</Link>
      </p>
      <PageHeading
        title={name}
        actions={
          editing ? null : (
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('measurements.admin.edit')}
            </button>
          )
        }
      >
        {name}
      </PageHeading>
      <p className="measurement-subtitle">
        {t('measurements.admin.versionOf', { version: definition.version, code: definition.code })}
      </p>
      <LicenceNote licence={definition.licence} source={definition.source} />
      <PhoneOfferNote detail={detail} />
      {savedNew === null ? null : (
        <Alert kind="success">
          <p>
            {savedNew
              ? t('measurements.admin.savedNew', { version: definition.version })
              : t('measurements.admin.savedSame', { version: definition.version })}
          </p>
        </Alert>
      )}
      {editing ? (
        <InstrumentEditForm
          definition={definition}
          answered={latest?.n_measurements ?? 0}
          onDone={(createdNew) => {
            setEditing(false)
            setSavedNew(createdNew)
          }}
        />
      ) : (
        <Overview definition={definition} />
      )}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('measurements.admin.versions')}</h2>
        <ul className="factor-list">
          {detail.versions.map((version) => (
            <li key={version.version} className="factor-item">
              {t('measurements.admin.versionLine', {
                version: version.version,
                date: formatDate(version.created_at),
                count: version.n_measurements,
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function Overview({ definition }: { definition: Definition }) {
  const { t, i18n } = useTranslation()
  const rows: [string, string][] = [
    [t('measurements.admin.description'), localized(definition.description, i18n.language)],
    [t('measurements.admin.respondent'), t(`measurements.admin.respondents.${definition.respondent}`)],
    [t('measurements.admin.use'), t(`measurements.admin.uses.${definition.use}`)],
    [t('measurements.admin.sourceLabel'), definition.source],
    [t('measurements.admin.licence'), `${definition.licence.owner}: ${definition.licence.terms}`],
  ]
  return (
    <>
      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">{t('measurements.admin.about')}</h2>
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="scales-heading">
        <h2 id="scales-heading">{t('measurements.admin.scales')}</h2>
        {[...definition.subscales, ...(definition.total ? [definition.total] : [])].map((scale) => (
          <ScaleView key={scale.code} scale={scale} />
        ))}
      </section>
      <section className="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t('measurements.admin.items', { count: definition.items.length })}</h2>
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">
            {t('measurements.admin.items', { count: definition.items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('measurements.admin.itemText')}</th>
              <th scope="col">{t('measurements.admin.options')}</th>
            </tr>
          </thead>
          <tbody>
            {definition.items.map((item) => {
              const options = optionSetOf(definition, item)?.options ?? []
              return (
                <tr key={item.number}>
                  <th scope="row" data-label="#">
                    {item.number}
                    {item.reverse_keyed ? <span className="badge">{t('measurements.admin.reversed')}</span> : null}
                  </th>
                  <td data-label={t('measurements.admin.itemText')}>
                    {itemText(item, i18n.language)?.text ?? (
                      <span className="muted">{t('measurements.admin.textWithLicensee')}</span>
                    )}
                  </td>
                  <td data-label={t('measurements.admin.options')}>
                    {options.map((option) => `${option.value} = ${localized(option.label, i18n.language)}`).join('; ')}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </>
  )
}

function ScaleView({ scale }: { scale: Scale }) {
  const { t, i18n } = useTranslation()
  return (
    <div className="scale-block">
      <h3>{localized(scale.name, i18n.language)}</h3>
      <p>
        {t(`measurements.admin.aggregation.${scale.aggregation}`)} ·{' '}
        {t('measurements.admin.scaleItems', { items: scale.items.join(', '), min: scale.min_answered })} ·{' '}
        {scale.higher_is_better ? t('measurements.outcomes.higherBetter') : t('measurements.outcomes.lowerBetter')}
      </p>
      {scale.bands.length > 0 ? (
        <p>
          {t('measurements.admin.bands')}:{' '}
          {scale.bands
            .map(
              (band) => `${formatScore(band.lower)}–${formatScore(band.upper)} ${localized(band.label, i18n.language)}`,
            )
            .join('; ')}
        </p>
      ) : null}
      <p className="muted">
        {scale.norms
          ? t('measurements.admin.normsValue', {
              mean: formatScore(scale.norms.mean),
              sd: formatScore(scale.norms.sd),
              r: formatScore(scale.norms.reliability),
            })
          : t('measurements.admin.noNorms')}
      </p>
    </div>
  )
}
