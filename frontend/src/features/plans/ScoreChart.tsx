import { useTranslation } from 'react-i18next'
import { LineChart } from '../../components/LineChart'
import { formatDate } from '../../i18n/format'
import { LEVELS, levelLabel, type ScorePoint } from './types'

function dayNumber(value: string): number {
  return Date.parse(`${value}T12:00:00Z`) / 86_400_000
}

/**
 * A goal's GAS scores over time, drawn with the shared LineChart (no chart library: the bundle stays lean).
 * Screen readers get a one-line summary and the scores as a table.
 */
export function ScoreChart({
  scores,
  baseline,
  goalText,
}: {
  scores: readonly ScorePoint[]
  baseline: number | null
  goalText: string
}) {
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
  const xFor = (value: string) => (sorted.length === 1 ? 0.5 : (dayNumber(value) - start) / span)
  const dates =
    first && last && sorted.length > 1
      ? [
          { key: 'first', x: 0, text: formatDate(first.scored_on), anchor: 'start' as const },
          { key: 'last', x: 1, text: formatDate(last.scored_on), anchor: 'end' as const },
        ]
      : [{ key: 'only', x: 0.5, text: first ? formatDate(first.scored_on) : t('plan.chart.none') }]

  return (
    <LineChart
      label={`${t('plan.chart.title')}: ${summary}`}
      min={-2}
      max={2}
      ticks={LEVELS.map((level) => ({
        value: level,
        label: levelLabel(level),
        className: level === 0 ? 'chart-grid chart-expected' : 'chart-grid',
      }))}
      points={sorted.map((score) => ({ key: score.scored_on, x: xFor(score.scored_on), y: score.level }))}
      xLabels={dates}
      reference={baseline === null ? null : { value: baseline, testId: 'chart-baseline' }}
      onePointNote={t('plans.chart.onePoint')}
    >
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
    </LineChart>
  )
}
