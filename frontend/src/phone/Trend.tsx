import { usePhoneTranslation } from './i18n'
import { formatDate } from '../i18n/format'
import type { TrendPoint } from './api'

const W = 280
const H = 90

function line(points: TrendPoint[], pick: (p: TrendPoint) => number): string {
  const step = points.length > 1 ? W / (points.length - 1) : 0
  return points.map((p, i) => `${Math.round(i * step)},${Math.round(H - (pick(p) / 10) * H)}`).join(' ')
}

/** The member's own check-ins: a small table (the data) and a tiny chart (a picture of the same, hidden from screen readers). */
export function Trend({ items }: { items: TrendPoint[] }) {
  const { t } = usePhoneTranslation()
  if (items.length === 0) return <p>{t('checkin.trendEmpty')}</p>
  const latest = items.slice(-6).reverse()
  return (
    <>
      {items.length === 1 && <p>{t('checkin.trendEmpty')}</p>}
      {items.length > 1 && (
        <figure className="ci-chart">
          <svg viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="presentation" aria-hidden="true" focusable="false">
            <line x1="0" y1={H} x2={W} y2={H} className="ci-axis" />
            <polyline points={line(items, (p) => p.wellbeing)} className="ci-line-wellbeing" />
            <polyline points={line(items, (p) => p.care_burden)} className="ci-line-burden" />
          </svg>
          <figcaption>{t('checkin.trendChart')}</figcaption>
        </figure>
      )}
      <table className="ci-table">
        <caption className="visually-hidden">{t('checkin.trendTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checkin.trendDate')}</th>
            <th scope="col">{t('checkin.trendWellbeing')}</th>
            <th scope="col">{t('checkin.trendBurden')}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((p) => (
            <tr key={p.checked_in_at}>
              <th scope="row">{formatDate(p.checked_in_at)}</th>
              <td>{p.wellbeing}</td>
              <td>{p.care_burden}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
