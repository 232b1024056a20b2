import type { ReactNode } from 'react'
import './LineChart.css'

const WIDTH = 320
const LEFT = 30
const RIGHT = 10
const TOP = 10
const BOTTOM = 8

export interface ChartTick {
  value: number
  label: string
  className?: string
}

export interface ChartPoint {
  key: string
  /** Position along the x axis, 0 (left) … 1 (right). */
  x: number
  y: number
}

export interface ChartSpread {
  key: string
  x: number
  low: number
  high: number
}

export interface ChartLabel {
  key: string
  x: number
  text: string
  /** A second line under the text, such as the date of a wave. */
  sub?: string
  anchor?: 'start' | 'middle' | 'end'
}

interface LineChartProps {
  /** The accessible name: what the chart shows, in one line. */
  label: string
  min: number
  max: number
  ticks: readonly ChartTick[]
  points: readonly ChartPoint[]
  xLabels: readonly ChartLabel[]
  spreads?: readonly ChartSpread[]
  /** A dashed reference line (a baseline, a cut-off). */
  reference?: { value: number; testId: string } | null
  height?: number
  radius?: number
  left?: number
  className?: string
  /** Legend, screen-reader table: shown under the drawing, inside the figure. */
  children?: ReactNode
  /** Shown under the axis when there is one point: what the reader will see once there are more. */
  onePointNote?: string
}

/** Where x (0…1) and a value land in the drawing; values outside min…max stay on the edge. */
export function chartScale({
  min,
  max,
  height = 132,
  left = LEFT,
}: {
  min: number
  max: number
  height?: number
  left?: number
}) {
  const span = max > min ? max - min : 1
  return {
    x: (fraction: number) => left + fraction * (WIDTH - left - RIGHT),
    y: (value: number) => TOP + ((max - Math.min(Math.max(value, min), max)) / span) * (height - TOP - BOTTOM),
  }
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`

/**
 * A small hand-drawn SVG line chart (no chart library: the bundle stays lean), shared by the plan's GAS scores
 * and the measurement waves: grid lines, a line through the points, optional spread bars and a dashed reference line.
 * Axis labels are HTML laid over the drawing, so they keep their real size (at least 12 px) however wide the chart is.
 */
export function LineChart({
  label,
  min,
  max,
  ticks,
  points,
  xLabels,
  spreads = [],
  reference = null,
  height = 132,
  radius = 4,
  left = LEFT,
  className = 'score-chart',
  children,
  onePointNote,
}: LineChartProps) {
  const { x, y } = chartScale({ min, max, height, left })
  const line = points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ')
  // Labels centred under equal bands (the waves), or at both ends (first and last date).
  const bands = xLabels.every((item) => (item.anchor ?? 'middle') === 'middle')
  return (
    <figure className={className}>
      <div className="chart-frame">
        <div className="chart-plot">
          <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} focusable="false">
            {ticks.map((tick) => (
              <line
                key={tick.value}
                x1={left}
                x2={WIDTH - RIGHT}
                y1={y(tick.value)}
                y2={y(tick.value)}
                className={tick.className ?? 'chart-grid'}
              />
            ))}
            {reference ? (
              <line
                x1={left}
                x2={WIDTH - RIGHT}
                y1={y(reference.value)}
                y2={y(reference.value)}
                className="chart-baseline"
                data-testid={reference.testId}
              />
            ) : null}
            {spreads.map((spread) => (
              <line
                key={`spread-${spread.key}`}
                x1={x(spread.x)}
                x2={x(spread.x)}
                y1={y(spread.low)}
                y2={y(spread.high)}
                className="chart-spread"
                data-testid="chart-spread"
              />
            ))}
            {points.length > 1 ? <polyline points={line} className="chart-line" /> : null}
            {points.map((point) => (
              <circle key={point.key} cx={x(point.x)} cy={y(point.y)} r={radius} className="chart-point" />
            ))}
          </svg>
          <div className="chart-y-labels" aria-hidden="true">
            {ticks.map((tick) => (
              <span
                key={tick.value}
                className="chart-axis"
                style={{ top: percent(y(tick.value) / height), right: percent(1 - (left - 5) / WIDTH) }}
              >
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        <div
          className={bands ? 'chart-x-labels chart-x-bands' : 'chart-x-labels chart-x-ends'}
          style={{ paddingLeft: percent(left / WIDTH), paddingRight: percent(RIGHT / WIDTH) }}
          aria-hidden="true"
        >
          {xLabels.map((item) => (
            <span key={item.key} className="chart-axis">
              {item.text}
              {item.sub ? <span className="chart-x-sub">{item.sub}</span> : null}
            </span>
          ))}
        </div>
      </div>
      {points.length === 1 && onePointNote ? <p className="chart-note">{onePointNote}</p> : null}
      {children}
    </figure>
  )
}
