import { useTranslation } from 'react-i18next'
import { LineChart } from '../../components/LineChart'
import { formatDate } from '../../i18n/format'
import { formatScore } from './text'
import type { Wave } from './types'

export interface WavePoint {
  wave: Wave
  /** The family score: the mean over the members who answered. */
  mean: number | null
  minimum: number | null
  maximum: number | null
  n: number
  /** When the wave was answered (the last member to finish), as an ISO date-time. */
  date?: string | null | undefined
}

/** Where each wave sits along the x axis (0…1): the waves share the width equally. */
export function waveX(waves: readonly Wave[], wave: Wave): number {
  return (waves.indexOf(wave) + 0.5) / Math.max(waves.length, 1)
}

/**
 * One scale's family score over the waves (the shared LineChart, like the plan's score chart): the mean as a line,
 * and a bar from the lowest to the highest member's score showing how far members differ.
 */
export function WaveChart({
  title,
  points,
  minimum,
  maximum,
  cutoff,
}: {
  title: string
  points: readonly WavePoint[]
  minimum: number
  maximum: number
  cutoff?: number | null | undefined
}) {
  const { t } = useTranslation()
  const waveName = (point: WavePoint) =>
    point.date
      ? t('measurements.waveOn', { wave: t(`measurements.wave.${point.wave}`), date: formatDate(point.date) })
      : t(`measurements.wave.${point.wave}`)
  const waves = points.map((point) => point.wave)
  const scored = points.filter((point): point is WavePoint & { mean: number } => point.mean !== null)
  const spreads = scored.flatMap((point) =>
    point.minimum !== null && point.maximum !== null && point.maximum > point.minimum
      ? [{ key: point.wave, x: waveX(waves, point.wave), low: point.minimum, high: point.maximum }]
      : [],
  )
  const summary =
    scored.length > 0
      ? scored.map((point) => `${waveName(point)} ${formatScore(point.mean)}`).join(', ')
      : t('measurements.chart.none')
  const hasCutoff = cutoff !== null && cutoff !== undefined
  return (
    <LineChart
      className="score-chart wave-chart"
      label={`${title}: ${summary}`}
      min={minimum}
      max={maximum}
      height={150}
      radius={4.5}
      left={34}
      ticks={[maximum, (minimum + maximum) / 2, minimum].map((value) => ({ value, label: formatScore(value) }))}
      points={scored.map((point) => ({ key: point.wave, x: waveX(waves, point.wave), y: point.mean }))}
      spreads={spreads}
      reference={hasCutoff ? { value: cutoff, testId: 'chart-cutoff' } : null}
      xLabels={points.map((point) => ({
        key: point.wave,
        x: waveX(waves, point.wave),
        text: t(`measurements.wave.${point.wave}`),
        sub: point.date ? formatDate(point.date) : undefined,
      }))}
      onePointNote={t('measurements.chart.onePoint')}
    >
      <figcaption className="chart-legend" aria-hidden="true">
        <span className="legend-mean">{t('measurements.chart.mean')}</span>
        {spreads.length > 0 ? <span className="legend-spread">{t('measurements.chart.spread')}</span> : null}
        {hasCutoff ? <span className="legend-baseline">{t('measurements.chart.cutoff')}</span> : null}
      </figcaption>
    </LineChart>
  )
}
