import { useTranslation } from 'react-i18next'
import '../plans/plan.css' // the app's chart look (grid, line, points, axis) lives with the plan's score chart
import { formatScore } from './text'
import type { Wave } from './types'

export interface WavePoint {
  wave: Wave
  /** The family score: the mean over the members who answered. */
  mean: number | null
  minimum: number | null
  maximum: number | null
  n: number
}

const WIDTH = 320
const HEIGHT = 150
const LEFT = 34
const RIGHT = 10
const TOP = 10
const BOTTOM = 22

/** Where each wave and value lands; waves share the width equally, the scale's range fills the height. */
export function chartGeometry(waves: readonly Wave[], low: number, high: number) {
  const span = high > low ? high - low : 1
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(waves.length, 1)
  return {
    x: (wave: Wave) => LEFT + (waves.indexOf(wave) + 0.5) * slot,
    y: (value: number) => TOP + ((high - Math.min(Math.max(value, low), high)) / span) * (HEIGHT - TOP - BOTTOM),
  }
}

/**
 * One scale's family score over the waves (a hand-drawn SVG like the plan's score chart): the mean as a line,
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
  const waves = points.map((point) => point.wave)
  const { x, y } = chartGeometry(waves, minimum, maximum)
  const scored = points.filter((point): point is WavePoint & { mean: number } => point.mean !== null)
  const line = scored.map((point) => `${x(point.wave).toFixed(1)},${y(point.mean).toFixed(1)}`).join(' ')
  const middle = (minimum + maximum) / 2
  const summary =
    scored.length > 0
      ? scored.map((point) => `${t(`measurements.wave.${point.wave}`)} ${formatScore(point.mean)}`).join(', ')
      : t('measurements.chart.none')
  const hasSpread = scored.some((point) => point.minimum !== null && point.maximum !== null && point.maximum > point.minimum)
  return (
    <figure className="score-chart wave-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${summary}`} focusable="false">
        {[maximum, middle, minimum].map((value) => (
          <g key={value}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(value)} y2={y(value)} className="chart-grid" />
            <text x={LEFT - 6} y={y(value) + 4} textAnchor="end" className="chart-axis">
              {formatScore(value)}
            </text>
          </g>
        ))}
        {cutoff === null || cutoff === undefined ? null : (
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(cutoff)} y2={y(cutoff)} className="chart-baseline" data-testid="chart-cutoff" />
        )}
        {scored.map((point) =>
          point.minimum !== null && point.maximum !== null && point.maximum > point.minimum ? (
            <line
              key={`spread-${point.wave}`}
              x1={x(point.wave)}
              x2={x(point.wave)}
              y1={y(point.minimum)}
              y2={y(point.maximum)}
              className="chart-spread"
              data-testid="chart-spread"
            />
          ) : null,
        )}
        {scored.length > 1 ? <polyline points={line} className="chart-line" /> : null}
        {scored.map((point) => (
          <circle key={point.wave} cx={x(point.wave)} cy={y(point.mean)} r={4.5} className="chart-point" />
        ))}
        {points.map((point) => (
          <text key={`label-${point.wave}`} x={x(point.wave)} y={HEIGHT - 6} textAnchor="middle" className="chart-axis">
            {t(`measurements.wave.${point.wave}`)}
          </text>
        ))}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        <span className="legend-mean">{t('measurements.chart.mean')}</span>
        {hasSpread ? <span className="legend-spread">{t('measurements.chart.spread')}</span> : null}
        {cutoff === null || cutoff === undefined ? null : <span className="legend-baseline">{t('measurements.chart.cutoff')}</span>}
      </figcaption>
    </figure>
  )
}
