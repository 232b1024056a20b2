import { useTranslation } from 'react-i18next'
import { ChangeBadge } from './ChangeBadge'
import { formatChange, formatScore, localized } from './text'
import type { ScaleScore } from './types'

/** A measurement's scores per scale: score, band, how many items counted, and change from T0 once there is one. */
export function ScoreTable({
  scores,
  caption,
  showChange = true,
}: {
  scores: readonly ScaleScore[]
  caption: string
  showChange?: boolean
}) {
  const { t, i18n } = useTranslation()
  const withChange = showChange && scores.some((score) => score.change_from_t0 !== null)
  const withBand = scores.some((score) => score.band !== null)
  return (
    <table className="table table-cards table-compact score-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('measurements.scores.scale')}</th>
          <th scope="col">{t('measurements.scores.score')}</th>
          {withBand ? <th scope="col">{t('measurements.scores.band')}</th> : null}
          <th scope="col">{t('measurements.scores.answered')}</th>
          {withChange ? <th scope="col">{t('measurements.scores.change')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score.code}>
            <th scope="row" data-label={t('measurements.scores.scale')}>
              {localized(score.name, i18n.language)}
            </th>
            <td data-label={t('measurements.scores.score')}>
              {score.score === null ? (
                <span className="muted">{t('measurements.scores.noScore')}</span>
              ) : (
                formatScore(score.score)
              )}
            </td>
            {withBand ? (
              <td data-label={t('measurements.scores.band')}>
                {score.band ? localized(score.band, i18n.language) : '—'}
              </td>
            ) : null}
            <td data-label={t('measurements.scores.answered')}>
              {t('measurements.scores.ofItems', { answered: score.n_answered, items: score.n_items })}
            </td>
            {withChange ? (
              <td data-label={t('measurements.scores.change')}>
                <span className="cell">
                  {formatChange(score.change_from_t0)} <ChangeBadge changeClass={score.change_class} />
                </span>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
