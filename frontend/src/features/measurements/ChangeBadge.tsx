import { useTranslation } from 'react-i18next'
import { changeTone } from './text'
import type { ChangeClass } from './types'

/**
 * Reliable change in plain words, in the instrument's own direction: clearly better (or past the cut-off), no clear
 * difference, clearly worse. The RCI behind it is explained in "Hoe rekenen we?", not on the badge.
 */
export function ChangeBadge({ changeClass }: { changeClass: ChangeClass | null | undefined }) {
  const { t } = useTranslation()
  const tone = changeTone(changeClass)
  if (!tone || !changeClass) return null
  const arrow = tone === 'better' ? '▲' : tone === 'worse' ? '▼' : '●'
  return (
    <span className={`badge change-badge change-${tone}`} data-testid="change-badge">
      <span aria-hidden="true">{arrow} </span>
      {t(`measurements.change.${changeClass}`)}
    </span>
  )
}
