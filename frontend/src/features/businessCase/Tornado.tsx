import { useTranslation } from 'react-i18next'
import { formatEuro } from './money'
import type { SensitivityFactor } from './types'

const ROW = 30
const LABEL = 0.42 // share of the width for the factor names

/** A tornado of the widest swings: a bar from the low to the high net return, a line at the expected value. */
export function Tornado({ rows, base, width = 720 }: { rows: SensitivityFactor[]; base: string; width?: number }) {
  const { t, i18n } = useTranslation()
  const values = rows.flatMap((row) => [
    Number(row.low_net_per_family_per_year),
    Number(row.high_net_per_family_per_year),
  ])
  values.push(Number(base))
  const min = Math.min(...values)
  const max = Math.max(...values)
  const left = width * LABEL
  const plot = width - left - 16
  const x = (value: number) => left + ((value - min) / (max - min || 1)) * plot
  const height = rows.length * ROW + 28
  return (
    <svg className="tornado" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('businessCase.tornado.chart')}>
      {rows.map((row, index) => {
        const low = Number(row.low_net_per_family_per_year)
        const high = Number(row.high_net_per_family_per_year)
        const y = index * ROW + 6
        const name = i18n.language === 'en' ? row.name_en : row.name
        return (
          <g key={row.factor}>
            <text x={left - 8} y={y + 14} textAnchor="end" className="tornado-label">
              {name.length > 34 ? `${name.slice(0, 33)}…` : name}
            </text>
            <rect
              x={x(Math.min(low, Number(base)))}
              y={y}
              width={Math.max(x(Number(base)) - x(Math.min(low, Number(base))), 1)}
              height={18}
              className="tornado-low"
            />
            <rect
              x={x(Number(base))}
              y={y}
              width={Math.max(x(Math.max(high, Number(base))) - x(Number(base)), 1)}
              height={18}
              className="tornado-high"
            />
          </g>
        )
      })}
      <line x1={x(Number(base))} x2={x(Number(base))} y1={0} y2={rows.length * ROW + 4} className="tornado-base" />
      <text x={x(min)} y={height - 4} className="tornado-axis">
        {formatEuro(String(min))}
      </text>
      <text x={x(max)} y={height - 4} textAnchor="end" className="tornado-axis">
        {formatEuro(String(max))}
      </text>
    </svg>
  )
}
