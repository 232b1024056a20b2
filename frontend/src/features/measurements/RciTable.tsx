import { useTranslation } from 'react-i18next'
import { familyPoints } from './InstrumentOutcomesCard'
import { formatChange, localized } from './text'
import type { FamilyOutcomes } from './types'

/** The family's reliable change index per scale and later wave: the numbers behind "duidelijk beter", for the curious. */
export function RciTable({ outcomes }: { outcomes: FamilyOutcomes }) {
  const { t, i18n } = useTranslation()
  const rows = outcomes.instruments.flatMap((instrument) =>
    instrument.scales.flatMap((scale) =>
      familyPoints(instrument, scale.code)
        .filter((point) => point.wave !== 't0' && point.rci !== null)
        .map((point) => ({
          key: `${instrument.code}-${scale.code}-${point.wave}`,
          scale: `${localized(instrument.name, i18n.language)}: ${localized(scale.name, i18n.language)}`,
          wave: t(`measurements.wave.${point.wave}`),
          rci: point.rci,
        })),
    ),
  )
  return (
    <>
      <h3>{t('measurements.method.rciTitle')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('measurements.method.none')}</p>
      ) : (
        <table className="table table-cards table-compact">
          <caption className="visually-hidden">{t('measurements.method.rciCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('measurements.scores.scale')}</th>
              <th scope="col">{t('measurements.outcomes.wave')}</th>
              <th scope="col">{t('measurements.method.rci')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" data-label={t('measurements.scores.scale')}>
                  {row.scale}
                </th>
                <td data-label={t('measurements.outcomes.wave')}>{row.wave}</td>
                <td data-label={t('measurements.method.rci')}>{formatChange(row.rci)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
