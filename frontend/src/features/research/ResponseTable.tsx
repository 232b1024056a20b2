import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../components/States'
import { useResponseTracking } from './queries'
import { codeText } from '../../i18n/keys'

function rate(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`
}

/** Invited, started, completed and overdue per wave and questionnaire, per organisation and pooled. */
export function ResponseTable({ projectId, titleId }: { projectId: string; titleId: string }) {
  const { t } = useTranslation()
  const tracking = useResponseTracking(projectId)
  const selectId = useId()
  const [organisation, setOrganisation] = useState('') // '' is every organisation together
  if (tracking.isPending) return <Loading />
  if (tracking.isError) return <ErrorState error={tracking.error} onRetry={() => void tracking.refetch()} />
  const all = tracking.data.rows
  if (all.length === 0) return <p className="muted">{t('research.response.empty')}</p>
  const codes = [...new Set(all.flatMap((row) => (row.organisation_code ? [row.organisation_code] : [])))]
  const rows = all.filter((row) => (row.organisation_code ?? '') === organisation)
  const columns = ['invited', 'started', 'completed', 'overdue'] as const
  return (
    <>
      <div className="field research-filter">
        <label htmlFor={selectId}>{t('research.response.show')}</label>
        <select id={selectId} value={organisation} onChange={(event) => setOrganisation(event.target.value)}>
          <option value="">{t('research.response.pooled')}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </div>
      <div className="table-scroll">
        <table className="table table-cards table-compact" aria-describedby={titleId}>
          <caption className="visually-hidden">{t('research.response.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('research.response.organisation')}</th>
              <th scope="col">{t('research.response.wave')}</th>
              <th scope="col">{t('research.response.instrument')}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {t(`research.response.${c}`)}
                </th>
              ))}
              <th scope="col">{t('research.response.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.wave}-${row.instrument_code}`}>
                <th scope="row" data-label={t('research.response.organisation')}>
                  {row.organisation_code ?? t('research.response.pooled')}
                </th>
                <td data-label={t('research.response.wave')}>{codeText(t, 'measurements.wave', row.wave)}</td>
                <td data-label={t('research.response.instrument')}>{row.instrument_code.toUpperCase()}</td>
                {columns.map((c) => (
                  <td key={c} data-label={t(`research.response.${c}`)}>
                    {row[c]}
                  </td>
                ))}
                <td data-label={t('research.response.rate')}>{rate(row.response_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
