import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/States'

/** Says that a form came back with what was typed before (a draft kept by `useDraft`). */
export function DraftRestored({ shown }: { shown: boolean }) {
  const { t } = useTranslation()
  return shown ? (
    <Alert kind="info">
      <p>{t('form.restored')}</p>
    </Alert>
  ) : null
}
