import { useTranslation } from 'react-i18next'
import type { CohortScale } from '../measurements/types'

/** A short mark beside shares that rest on example norms. */
export function ExampleBadge({ scale }: { scale: CohortScale }) {
  const { t } = useTranslation()
  if (scale.norms_status !== 'example') return null
  return <span className="badge badge-example">{t('evidence.exampleBadge')}</span>
}

/** Under an instrument's table: whether its reliable-change shares can count as evidence, and why. */
export function NormsNote({ scales }: { scales: CohortScale[] }) {
  const { t } = useTranslation()
  const example = scales.some((scale) => scale.norms_status === 'example')
  const sourced = scales.find((scale) => scale.norms_status === 'sourced' && scale.norms_source)
  return (
    <>
      {example ? (
        <p className="note note-warning" role="note">
          {t('evidence.exampleNote')}
        </p>
      ) : null}
      {scales.some((scale) => scale.norms_status == null) ? <p className="muted">{t('evidence.noNorms')}</p> : null}
      {sourced ? <p className="muted">{t('evidence.sourcedNote', { source: sourced.norms_source })}</p> : null}
    </>
  )
}
