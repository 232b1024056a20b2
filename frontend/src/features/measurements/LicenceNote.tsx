import { useTranslation } from 'react-i18next'
import type { Licence } from './types'

/** Who owns an instrument and on what terms: shown wherever the instrument is used. */
export function LicenceNote({ licence, source }: { licence: Licence; source?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <details className="licence-note">
      <summary>{t('measurements.licence.summary', { owner: licence.owner })}</summary>
      <p>{licence.terms}</p>
      {licence.item_text_reproducible ? null : <p>{t('measurements.licence.noText')}</p>}
      {source ? <p className="muted">{t('measurements.licence.source', { source })}</p> : null}
    </details>
  )
}
