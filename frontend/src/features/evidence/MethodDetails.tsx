import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../i18n/format'

const POINTS = ['score', 'change', 'reliable', 'recovered', 'norms', 'example', 'gas'] as const

/**
 * "Hoe rekenen we?": the method behind the plain words (T-score, norms and their status, the RCI threshold),
 * folded away so the page itself speaks plain Dutch. Shared by a family's outcome page and the cohort page.
 */
export function MethodDetails({ criterion = 1.96, children }: { criterion?: number; children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <details className="card method-details">
      <summary>
        <h2>{t('measurements.method.title')}</h2>
      </summary>
      <ul className="explainer-list">
        {POINTS.map((point) => (
          <li key={point}>{t(`measurements.method.${point}`, { criterion: formatNumber(criterion) })}</li>
        ))}
      </ul>
      {children}
    </details>
  )
}
