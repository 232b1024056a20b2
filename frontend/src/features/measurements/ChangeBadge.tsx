import { useTranslation } from 'react-i18next'
import { changeTone, formatScore } from './text'
import type { ChangeClass } from './types'

/**
 * Reliable change in the instrument's own direction (Jacobson & Truax): improved, unchanged, deteriorated,
 * or recovered where a cut-off is defined. The RCI itself is in the title and for screen readers.
 */
export function ChangeBadge({ changeClass, rci }: { changeClass: ChangeClass | null | undefined; rci?: number | null | undefined }) {
  const { t } = useTranslation()
  const tone = changeTone(changeClass)
  if (!tone || !changeClass) return null
  const label = t(`measurements.change.${changeClass}`)
  const arrow = tone === 'better' ? '▲' : tone === 'worse' ? '▼' : '●'
  return (
    <span className={`badge change-badge change-${tone}`} data-testid="change-badge">
      <span aria-hidden="true">{arrow} </span>
      {label}
      {rci === null || rci === undefined ? null : <span className="visually-hidden"> ({t('measurements.change.rci', { rci: formatScore(rci) })})</span>}
    </span>
  )
}
