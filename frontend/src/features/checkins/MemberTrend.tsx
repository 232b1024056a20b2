import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../../i18n/format'
import type { Checkin } from './types'
import '../../components/LineChart.css'

const W = 300
const H = 80
const LEFT = 28 // room for the 0–10 labels, which are HTML laid over the drawing (real 12.5 px)
const VIEW_W = W + LEFT + 8
const VIEW_H = H + 8
const percent = (value: number) => `${(value * 100).toFixed(2)}%`

function points(items: Checkin[], pick: (c: Checkin) => number): string {
  const step = items.length > 1 ? W / (items.length - 1) : 0
  return items.map((c, i) => `${Math.round(i * step)},${Math.round(H - (pick(c) / 10) * H)}`).join(' ')
}

export function NeedList({ checkin }: { checkin: Checkin }) {
  const { t } = useTranslation()
  const needs = checkin.needs.map((need) => t(`checkins.need.${need}`))
  if (checkin.needs_text) needs.push(checkin.needs_text)
  return <>{needs.length > 0 ? needs.join(', ') : t('checkins.section.noNeeds')}</>
}

/**
 * One member's check-ins: a small picture of the trend (two lines, 0–10), the latest check-in in words,
 * and every check-in in a table (the same data, for screen readers and for reading exact numbers).
 */
export function MemberTrend({ name, checkins }: { name: string; checkins: Checkin[] }) {
  const { t } = useTranslation()
  const oldestFirst = [...checkins].reverse()
  const latest = checkins[0]
  if (!latest) return null
  return (
    <div className="ck-member">
      <h3>{name}</h3>
      <p className="muted">{t('checkins.section.latest', { date: formatDateTime(latest.checked_in_at) })}</p>
      {oldestFirst.length > 1 ? (
        <figure className="ck-chart">
          <div className="chart-plot">
            <svg
              viewBox={`${-LEFT} -4 ${VIEW_W} ${VIEW_H}`}
              role="img"
              aria-label={t('checkins.section.chartLabel', {
                name,
                count: checkins.length,
                wellbeing: latest.wellbeing,
                burden: latest.care_burden,
              })}
              focusable="false"
            >
              <line x1="0" y1={H} x2={W} y2={H} className="ck-axis" />
              <line x1="0" y1={H / 2} x2={W} y2={H / 2} className="ck-axis ck-axis-top" />
              <line x1="0" y1="0" x2={W} y2="0" className="ck-axis ck-axis-top" />
              <polyline points={points(oldestFirst, (c) => c.wellbeing)} className="ck-line-wellbeing" />
              <polyline points={points(oldestFirst, (c) => c.care_burden)} className="ck-line-burden" />
            </svg>
            <div className="chart-y-labels" aria-hidden="true">
              {[10, 5, 0].map((value) => (
                <span
                  key={value}
                  className="chart-axis"
                  style={{ top: percent((4 + H - (value / 10) * H) / VIEW_H), right: percent(1 - (LEFT - 6) / VIEW_W) }}
                >
                  {value}
                </span>
              ))}
            </div>
          </div>
          <div
            className="chart-x-labels chart-x-ends"
            style={{ paddingLeft: percent(LEFT / VIEW_W), paddingRight: percent(8 / VIEW_W) }}
            aria-hidden="true"
          >
            <span className="chart-axis">{formatDate(oldestFirst[0]?.checked_in_at)}</span>
            <span className="chart-axis">{formatDate(latest.checked_in_at)}</span>
          </div>
          <figcaption className="ck-legend">
            <span className="ck-key ck-key-wellbeing">{t('checkins.section.legendWellbeing')}</span>
            <span className="ck-key ck-key-burden">{t('checkins.section.legendBurden')}</span>
          </figcaption>
        </figure>
      ) : (
        <p className="chart-note">{t('checkins.section.onePoint')}</p>
      )}
      <dl className="details ck-latest">
        <div>
          <dt>{t('checkins.wellbeing')}</dt>
          <dd>{t('checkins.outOfTen', { value: latest.wellbeing })}</dd>
        </div>
        <div>
          <dt>{t('checkins.burden')}</dt>
          <dd>{t('checkins.outOfTen', { value: latest.care_burden })}</dd>
        </div>
        <div>
          <dt>{t('checkins.needs')}</dt>
          <dd>
            <NeedList checkin={latest} />
          </dd>
        </div>
        {latest.message ? (
          <div>
            <dt>{t('checkins.message')}</dt>
            <dd className="ck-message">{latest.message}</dd>
          </div>
        ) : null}
      </dl>
      <details className="ck-all">
        <summary>{t('checkins.section.all', { name, count: checkins.length })}</summary>
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('checkins.date')}</th>
                <th scope="col">{t('checkins.wellbeing')}</th>
                <th scope="col">{t('checkins.burden')}</th>
                <th scope="col">{t('checkins.needs')}</th>
                <th scope="col">{t('checkins.message')}</th>
              </tr>
            </thead>
            <tbody>
              {checkins.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDate(c.checked_in_at)}</th>
                  <td>{c.wellbeing}</td>
                  <td>{c.care_burden}</td>
                  <td>
                    <NeedList checkin={c} />
                  </td>
                  <td>{c.message ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  )
}
