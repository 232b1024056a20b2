import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../../i18n/format'
import type { Checkin } from './types'

const W = 300
const H = 80

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
          <svg
            viewBox={`-4 -4 ${W + 8} ${H + 8}`}
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
            <line x1="0" y1="0" x2={W} y2="0" className="ck-axis ck-axis-top" />
            <polyline points={points(oldestFirst, (c) => c.wellbeing)} className="ck-line-wellbeing" />
            <polyline points={points(oldestFirst, (c) => c.care_burden)} className="ck-line-burden" />
          </svg>
          <figcaption className="ck-legend">
            <span className="ck-key ck-key-wellbeing">{t('checkins.section.legendWellbeing')}</span>
            <span className="ck-key ck-key-burden">{t('checkins.section.legendBurden')}</span>
          </figcaption>
        </figure>
      ) : null}
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
