import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { saveFile } from '../../components/saveFile'
import { Alert, errorText } from '../../components/States'

/** The family's file: everything stored about them, fetched with the session's token (never in a URL). */
export async function downloadFamilyExport(familyId: string, reference: string): Promise<void> {
  const data = await unwrap(
    api.GET('/api/v1/families/{family_id}/export', { params: { path: { family_id: familyId } } }),
  )
  // Named by reference and date, never by the family's name (file names end up in download lists and mail).
  const name = `bondgenoot-${reference}-${data.exported_at.slice(0, 10)}.json`
  saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), name)
}

/** On the family page: for a request to see what is stored about the family (inzageverzoek). */
export function ExportButton({ familyId, reference }: { familyId: string; reference: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const download = () => {
    setBusy(true)
    setError(null)
    setDone(false)
    downloadFamilyExport(familyId, reference)
      .then(() => setDone(true))
      .catch(setError)
      .finally(() => setBusy(false))
  }
  return (
    <section className="card" aria-labelledby="family-export-heading">
      <h2 id="family-export-heading">{t('familyExport.title')}</h2>
      <p>{t('familyExport.intro')}</p>
      {error ? (
        <Alert kind="error">
          <p>{errorText(error, t)}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert kind="success">
          <p>{t('familyExport.done')}</p>
        </Alert>
      ) : null}
      <button type="button" className="button button-secondary" disabled={busy} onClick={download}>
        {busy ? t('familyExport.busy') : t('familyExport.button')}
      </button>
    </section>
  )
}
