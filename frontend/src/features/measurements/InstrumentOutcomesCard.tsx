import { useTranslation } from 'react-i18next'
import { formatDate } from '../../i18n/format'
import { ChangeBadge } from './ChangeBadge'
import { LicenceNote } from './LicenceNote'
import { respondentLabel } from './respondent'
import { formatChange, formatScore, localized } from './text'
import type { FamilyScalePoint, InstrumentOutcomes, ScaleInfo, Wave } from './types'
import { WAVES } from './types'
import { WaveChart, type WavePoint } from './WaveChart'

const byWave = (a: { wave: Wave }, b: { wave: Wave }) => WAVES.indexOf(a.wave) - WAVES.indexOf(b.wave)

/** When each wave was answered: the last member to finish it (a family wave is complete then). */
export function waveDates(outcomes: InstrumentOutcomes): Partial<Record<Wave, string>> {
  const dates: Partial<Record<Wave, string>> = {}
  for (const wave of outcomes.respondents.flatMap((series) => series.waves)) {
    const known = dates[wave.wave]
    if (!known || wave.completed_at > known) dates[wave.wave] = wave.completed_at
  }
  return dates
}

/** The family's points on one scale, wave by wave, with the date each wave was answered. */
export function familyPoints(
  outcomes: InstrumentOutcomes,
  scale: string,
): (FamilyScalePoint & { wave: Wave; n: number; date: string | null })[] {
  const dates = waveDates(outcomes)
  return [...outcomes.family].sort(byWave).flatMap((wave) => {
    const point = wave.scales.find((item) => item.code === scale)
    return point ? [{ ...point, wave: wave.wave, n: point.n_respondents, date: dates[wave.wave] ?? null }] : []
  })
}

/** One instrument: per scale a chart over the waves, the family's score, spread and change with its badge. */
export function InstrumentOutcomesCard({ outcomes }: { outcomes: InstrumentOutcomes }) {
  const { i18n } = useTranslation()
  const name = localized(outcomes.name, i18n.language)
  const scales = [...outcomes.scales].sort(
    (a, b) => Number(b.code === outcomes.primary_scale) - Number(a.code === outcomes.primary_scale),
  )
  const headingId = `outcomes-${outcomes.code}`
  return (
    <section className="card instrument-outcomes" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <LicenceNote licence={outcomes.licence} />
      <div className="scale-grid">
        {scales.map((scale) => (
          <ScaleBlock key={scale.code} outcomes={outcomes} scale={scale} />
        ))}
      </div>
    </section>
  )
}

function ScaleBlock({ outcomes, scale }: { outcomes: InstrumentOutcomes; scale: ScaleInfo }) {
  const { t, i18n } = useTranslation()
  const scaleName = localized(scale.name, i18n.language)
  const points = familyPoints(outcomes, scale.code)
  const latest = points.at(-1)
  const chartPoints: WavePoint[] = points.map((point) => ({
    wave: point.wave,
    mean: point.mean,
    minimum: point.minimum,
    maximum: point.maximum,
    n: point.n,
    date: point.date,
  }))
  const direction = scale.higher_is_better
    ? t('measurements.outcomes.higherBetter')
    : t('measurements.outcomes.lowerBetter')
  return (
    <div className={scale.code === outcomes.primary_scale ? 'scale-block scale-primary' : 'scale-block'}>
      <h3>
        {scaleName} {latest && latest.wave !== 't0' ? <ChangeBadge changeClass={latest.change_class} /> : null}
      </h3>
      <p className="muted scale-meta">
        {t('measurements.outcomes.range', { min: formatScore(scale.minimum), max: formatScore(scale.maximum) })} ·{' '}
        {direction}
        {scale.has_norms ? null : ` · ${t('measurements.outcomes.noNorms')}`}
      </p>
      <WaveChart
        title={t('measurements.chart.title', { scale: scaleName })}
        points={chartPoints}
        minimum={scale.minimum}
        maximum={scale.maximum}
        cutoff={scale.clinical_cutoff}
      />
      <table className="table table-cards table-compact">
        <caption className="visually-hidden">{t('measurements.outcomes.familyCaption', { scale: scaleName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('measurements.outcomes.wave')}</th>
            <th scope="col">{t('measurements.outcomes.familyScore')}</th>
            <th scope="col">{t('measurements.outcomes.spread')}</th>
            <th scope="col">{t('measurements.outcomes.change')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.wave}>
              <th scope="row" data-label={t('measurements.outcomes.wave')}>
                {t(`measurements.wave.${point.wave}`)}{' '}
                {point.date ? <span className="muted wave-date">{formatDate(point.date)}</span> : null}
              </th>
              <td data-label={t('measurements.outcomes.familyScore')}>
                <span className="cell">
                  {formatScore(point.mean)}{' '}
                  <span className="muted">
                    {t('measurements.outcomes.respondents', { count: point.n_respondents })}
                  </span>
                </span>
              </td>
              <td data-label={t('measurements.outcomes.spread')}>
                {point.n_respondents > 1 && point.minimum !== null && point.maximum !== null
                  ? t('measurements.outcomes.spreadValue', {
                      min: formatScore(point.minimum),
                      max: formatScore(point.maximum),
                    })
                  : '—'}
              </td>
              <td data-label={t('measurements.outcomes.change')}>
                {point.wave === 't0' ? (
                  <span className="muted">{t('measurements.outcomes.baseline')}</span>
                ) : (
                  <span className="cell">
                    {formatChange(point.change_from_t0)} <ChangeBadge changeClass={point.change_class} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RespondentTable outcomes={outcomes} scale={scale} scaleName={scaleName} />
    </div>
  )
}

function RespondentTable({
  outcomes,
  scale,
  scaleName,
}: {
  outcomes: InstrumentOutcomes
  scale: ScaleInfo
  scaleName: string
}) {
  const { t } = useTranslation()
  const rows = outcomes.respondents.flatMap((series) =>
    [...series.waves]
      .sort(byWave)
      .map((wave) => ({ series, wave, point: wave.scales.find((item) => item.code === scale.code) })),
  )
  if (rows.length === 0) return null
  return (
    <details className="respondent-details">
      <summary>{t('measurements.outcomes.perRespondent')}</summary>
      <table className="table table-cards table-compact">
        <caption className="visually-hidden">
          {t('measurements.outcomes.respondentCaption', { scale: scaleName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('measurements.outcomes.respondent')}</th>
            <th scope="col">{t('measurements.outcomes.wave')}</th>
            <th scope="col">{t('measurements.scores.score')}</th>
            <th scope="col">{t('measurements.outcomes.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ series, wave, point }) => (
            <tr key={`${series.respondent.id}-${wave.wave}`}>
              <th scope="row" data-label={t('measurements.outcomes.respondent')}>
                {respondentLabel(series.respondent, t)}
              </th>
              <td data-label={t('measurements.outcomes.wave')}>
                {t(`measurements.wave.${wave.wave}`)}{' '}
                <span className="muted wave-date">{formatDate(wave.completed_at)}</span>
              </td>
              <td data-label={t('measurements.scores.score')}>
                {point?.score === null || point === undefined ? (
                  <span className="muted">{t('measurements.scores.noScore')}</span>
                ) : (
                  formatScore(point.score)
                )}
              </td>
              <td data-label={t('measurements.outcomes.change')}>
                {wave.wave === 't0' || !point ? (
                  '—'
                ) : (
                  <span className="cell">
                    {formatChange(point.change_from_t0)} <ChangeBadge changeClass={point.change_class} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
