import { useTranslation } from 'react-i18next'
import { formatDate } from '../../i18n/format'
import { LEVELS, levelLabel, type ScorePoint } from './types'

const WIDTH = 320
const HEIGHT = 132
const LEFT = 30
const RIGHT = 10
const TOP = 10
const BOTTOM = 22

function dayNumber(value: string): number {
  return Date.parse(`${value}T12:00:00Z`) / 86_400_000
}

function yFor(level: number): number {
  return TOP + ((2 - level) / 4) * (HEIGHT - TOP - BOTTOM)
}

/**
 * A goal's GAS scores over time as a small hand-drawn SVG (no chart library: the bundle stays lean).
 * Screen readers get a one-line summary and the scores as a table.
 */
export function ScoreChart({ scores, baseline, goalText }: { scores: readonly ScorePoint[]; baseline: number | null; goalText: string }) {
  const { t } = useTranslation()
  const sorted = [...scores].sort((a, b) => a.scored_on.localeCompare(b.scored_on))
  const first = sorted[0]
  const last = sorted.at(-1)
  const summary =
    first && last
      ? t('plan.chart.summary', {
          count: sorted.length,
          first: levelLabel(first.level),
          firstDate: formatDate(first.scored_on),
          last: levelLabel(last.level),
          lastDate: formatDate(last.scored_on),
        })
      : t('plan.chart.none')

  const start = first ? dayNumber(first.scored_on) : 0
  const span = first && last ? Math.max(dayNumber(last.scored_on) - start, 1) : 1
  const xFor = (value: string) =>
    sorted.length === 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + ((dayNumber(value) - start) / span) * (WIDTH - LEFT - RIGHT)
  const points = sorted.map((score) => `${xFor(score.scored_on).toFixed(1)},${yFor(score.level).toFixed(1)}`).join(' ')

  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t('plan.chart.title')}: ${summary}`} focusable="false">
        {LEVELS.map((level) => (
          <g key={level}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={yFor(level)}
              y2={yFor(level)}
              className={level === 0 ? 'chart-grid chart-expected' : 'chart-grid'}
            />
            <text x={LEFT - 6} y={yFor(level) + 4} textAnchor="end" className="chart-axis">
              {levelLabel(level)}
            </text>
          </g>
        ))}
        {baseline === null ? null : (
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={yFor(baseline)} y2={yFor(baseline)} className="chart-baseline" data-testid="chart-baseline" />
        )}
        {sorted.length > 1 ? <polyline points={points} className="chart-line" /> : null}
        {sorted.map((score) => (
          <circle key={score.scored_on} cx={xFor(score.scored_on)} cy={yFor(score.level)} r={4} className="chart-point" />
        ))}
        {first && last ? (
          <>
            <text x={LEFT} y={HEIGHT - 6} className="chart-axis">
              {formatDate(first.scored_on)}
            </text>
            {sorted.length > 1 ? (
              <text x={WIDTH - RIGHT} y={HEIGHT - 6} textAnchor="end" className="chart-axis">
                {formatDate(last.scored_on)}
              </text>
            ) : null}
          </>
        ) : (
          <text x={(LEFT + WIDTH - RIGHT) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis">
            {t('plan.chart.none')}
          </text>
        )}
      </svg>
      <figcaption className="chart-legend" aria-hidden="true">
        <span className="legend-expected">{t('plan.chart.expected')}</span>
        {baseline === null ? null : <span className="legend-baseline">{t('plan.chart.baseline')}</span>}
      </figcaption>
      {sorted.length > 0 ? (
        <div className="visually-hidden">
          <table>
          <caption>{t('plan.chart.tableCaption', { goal: goalText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.score.date')}</th>
              <th scope="col">{t('plan.score.level')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((score) => (
              <tr key={score.scored_on}>
                <td>{formatDate(score.scored_on)}</td>
                <td>{levelLabel(score.level)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  )
}
