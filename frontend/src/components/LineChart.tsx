import type { ReactNode } from 'react'
import './LineChart.css'

const WIDTH = 320
const LEFT = 30
const RIGHT = 10
const TOP = 10
const BOTTOM = 22

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
}

/** Where x (0…1) and a value land in the drawing; values outside min…max stay on the edge. */
export function chartScale({ min, max, height = 132, left = LEFT }: { min: number; max: number; height?: number; left?: number }) {
  const span = max > min ? max - min : 1
  return {
    x: (fraction: number) => left + fraction * (WIDTH - left - RIGHT),
    y: (value: number) => TOP + ((max - Math.min(Math.max(value, min), max)) / span) * (height - TOP - BOTTOM),
  }
}

/**
 * A small hand-drawn SVG line chart (no chart library: the bundle stays lean), shared by the plan's GAS scores
 * and the measurement waves: grid lines with labels, a line through the points, optional spread bars and a
 * dashed reference line, labels under the x axis.
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
}: LineChartProps) {
  const { x, y } = chartScale({ min, max, height, left })
  const line = points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ')
  return (
    <figure className={className}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label} focusable="false">
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={left} x2={WIDTH - RIGHT} y1={y(tick.value)} y2={y(tick.value)} className={tick.className ?? 'chart-grid'} />
            <text x={left - 6} y={y(tick.value) + 4} textAnchor="end" className="chart-axis">
              {tick.label}
            </text>
          </g>
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
        {xLabels.map((item) => (
          <text key={item.key} x={x(item.x)} y={height - 6} textAnchor={item.anchor ?? 'middle'} className="chart-axis">
            {item.text}
          </text>
        ))}
      </svg>
      {children}
    </figure>
  )
}
